"""`newsweave serve`: ``--get`` prints one page of the app without serving; a public host needs a token."""
import json


def test_serve_get_prints_a_page_and_a_public_host_needs_a_token(seed_db):
    from click.testing import CliRunner

    from newsweave.cli import cli

    db, story_id = seed_db
    r = CliRunner().invoke(cli, ["--db", db, "serve", "--get", f"/story/{story_id}.json"])
    assert r.exit_code == 0 and json.loads(r.output)["story"]["id"] == story_id
    r = CliRunner().invoke(cli, ["--db", db, "serve", "--get", "/story/missing"])
    assert r.exit_code == 1
    r = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--token" in r.output

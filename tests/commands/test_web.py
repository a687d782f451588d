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


def test_serve_on_a_busy_port_fails_before_announcing_anything(seed_db):
    import socket

    from click.testing import CliRunner

    from newsweave.cli import cli

    db, _ = seed_db
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = CliRunner().invoke(cli, ["--db", db, "serve", "--port", str(port)])
    assert r.exit_code == 1, r.output
    assert "serving" not in r.output
    assert f"cannot listen on 127.0.0.1:{port}" in r.output and "in use" in r.output

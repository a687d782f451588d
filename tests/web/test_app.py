"""The web app on the seed store: story list, dossier and article pages as HTML and JSON, search, changes,
security headers, host and token checks, adding articles, hostile content rendered inert."""
import json

from ..present.helpers import check_inert


def test_story_list_html_and_json(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    page = c.get("/")
    assert page.status_code == 200 and f'href="/story/{story_id}"' in page.text
    data = c.get("/index.json").json()
    assert [sorted(s["outlets"]) for s in data["stories"]] == [["The Washington Post", "Ukrainska Pravda"]]
    assert data["stories"][0]["counts"]["corroborated"] >= 10
    assert c.get("/", headers={"accept": "application/json"}).json()["stories"] == data["stories"]


def test_dossier_page_and_json_come_from_one_dict(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    html = c.get(f"/story/{story_id}").text
    data = c.get(f"/story/{story_id}.json").json()
    corroborated = [r for r in data["matrix"]["rows"] if r["status"] == "corroborated"]
    assert len(corroborated) >= 10
    assert html.count('<tr class="row filterable s-corroborated"') == len(corroborated)
    assert any(e["begin"] == "2025-01-11" for e in data["timeline"]["events"])
    check_inert(html, allowed_script_src="/static/app.js")


def test_article_page_with_annotations(seed_db, client_for):
    db, _ = seed_db
    c = client_for(db)
    aid = c.get("/index.json").json()["recent"][0]["id"]
    data = c.get(f"/article/{aid}.json").json()
    assert data["article"]["id"] == aid and "".join(p["text"] for p in data["parts"]) == data["article"]["text"]
    assert c.get(f"/article/{aid}").status_code == 200


def test_search_articles_and_facts(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    data = c.get("/search.json", params={"q": "Korean interpreters"}).json()
    assert data["articles"] and data["facts"]
    assert all(h["story_id"] == story_id for h in data["facts"])
    assert any(p["mark"] and p["text"].lower().startswith("interpret") for h in data["facts"] for p in h["parts"])
    for q in ('" OR *', "NEAR(", "a:b", "-x", ""):
        assert c.get("/search.json", params={"q": q}).status_code == 200


def test_changes_endpoint(seed_db, client_for):
    db, _ = seed_db
    state = client_for(db).get("/changes.json").json()
    assert state["articles"] == 2 and state["stories"] == 1 and state["state"]


def test_not_found_is_404_in_html_and_json(seed_db, client_for):
    db, _ = seed_db
    c = client_for(db)
    assert c.get("/story/nope").status_code == 404
    r = c.get("/story/nope.json")
    assert r.status_code == 404 and "nope" in r.json()["error"]
    r = c.get("/no/such/page.json")
    assert r.status_code == 404 and r.json()["status"] == 404
    assert "Error 404" in c.get("/no/such/page").text


def test_security_headers(seed_db, client_for):
    db, _ = seed_db
    r = client_for(db).get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_host_check_against_dns_rebinding(seed_db, client_for):
    db, _ = seed_db
    assert client_for(db, base_url="http://evil.example").get("/").status_code == 421
    assert client_for(db, base_url="http://localhost:8000").get("/").status_code == 200


def test_token_checked_on_every_request(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db, token="s3cret", local_only=False, base_url="http://10.0.0.5:8000")
    for path in ("/", f"/story/{story_id}.json", "/changes.json", "/static/app.js"):
        assert c.get(path).status_code == 401
    assert c.get("/", headers={"authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/", headers={"authorization": "Bearer wrong"}).status_code == 401
    r = c.get("/?token=s3cret")
    assert r.status_code == 200 and "newsweave_token=s3cret" in r.headers["set-cookie"]
    assert c.get("/changes.json").status_code == 200  # the cookie now carries the token


def test_paste_an_article_adds_it(seed_copy, client_for):
    db, _ = seed_copy
    c = client_for(db)
    r = c.post("/add.json", data={"text": "Flood hits town\n\nA flood hit the town of X on Monday, officials said.",
                                  "outlet": "Local News", "published": "2025-02-03"})
    body = r.json()
    assert r.status_code == 200 and body["result"]["added"] == 1, body
    aid = body["result"]["article_ids"][0]
    assert c.get(f"/article/{aid}.json").json()["article"]["outlet"] == "Local News"
    assert c.get("/changes.json").json()["articles"] == 3


def test_upload_files_and_json_body(seed_copy, client_for):
    db, _ = seed_copy
    c = client_for(db)
    files = [("files", ("one.txt", b"Storm nears coast\n\nThe storm neared the coast on Tuesday.", "text/plain"))]
    r = c.post("/add", data={"outlet": "Wire"}, files=files)
    assert r.status_code == 200 and "Added 1" in r.text
    r = c.post("/add.json", content=json.dumps({"text": "Quake\n\nA quake struck at dawn.", "outlet": "W2"}),
               headers={"content-type": "application/json"})
    assert r.json()["result"]["added"] == 1
    assert c.post("/add.json", data={"text": "  "}).status_code == 400


def test_cross_origin_post_refused(seed_copy, client_for):
    db, _ = seed_copy
    c = client_for(db)
    r = c.post("/add", data={"text": "x\n\ny"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = c.post("/add", data={"text": "x\n\ny"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


def test_hostile_articles_render_inert_in_the_app(hostile_db, client_for):
    db, arts = hostile_db
    c = client_for(db)
    pages = ["/", "/story/hostile", "/search?q=script+alert", "/search?q=%3Cscript%3E"]
    pages += [f"/article/{a.id}" for a in arts]
    for path in pages:
        r = c.get(path)
        assert r.status_code == 200, path
        check_inert(r.text, allowed_script_src="/static/app.js")
        assert "<script>alert" not in r.text and "<img" not in r.text


def test_pasted_text_without_an_outlet_lands_with_a_warning(seed_copy, client_for):
    db, _ = seed_copy
    c = client_for(db)
    r = c.post("/add.json", json={"text": "Dam holds after storm\n\nThe dam held overnight, engineers said."})
    assert r.status_code == 200 and r.json()["result"]["added"] == 1
    (warning,) = r.json()["result"]["warnings"]
    assert "no outlet given or found" in warning and "unknown (pasted-" in warning
    aid = r.json()["result"]["article_ids"][0]
    assert c.get(f"/article/{aid}.json").json()["article"]["outlet"].startswith("unknown (pasted-")
    assert "Outlet" in c.get("/add").text and "who published it" in c.get("/add").text


def test_related_stories_are_linked_on_the_list_and_the_story_page(hostile_db, client_for):
    from newsweave.models import Story
    from newsweave.store import open_store

    db, arts = hostile_db
    store = open_store(db)
    store.save_story(Story(id="thread", title="<b>Another event</b>", first=None, last=None,
                           article_ids=(arts[0].id,), related=("hostile",)))
    store.close()
    c = client_for(db)
    listed = {s["id"]: s["related"] for s in c.get("/index.json").json()["stories"]}
    assert [r["id"] for r in listed["thread"]] == ["hostile"] and [r["id"] for r in listed["hostile"]] == ["thread"]
    page = c.get("/story/hostile")
    assert 'href="/story/thread"' in page.text and "&lt;b&gt;Another event&lt;/b&gt;" in page.text
    assert [r["id"] for r in c.get("/story/hostile.json").json()["related"]] == ["thread"]
    assert 'href="/story/hostile"' in c.get("/").text

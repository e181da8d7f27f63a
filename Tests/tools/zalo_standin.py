#!/usr/bin/env python3
"""A local stand-in for Zalo OA's API, on loopback, implementing the contract SPEC §10 documents — not Zalo
itself, which the tests never reach:

- POST /v4/oa/access_token (form fields app_id, grant_type=refresh_token, refresh_token; header secret_key)
  answers {"access_token", "refresh_token", "expires_in": "90000"}; a refresh token works once.
- POST /v2.0/article/create (header access_token, JSON body) checks type normal, title <= 150 characters, author
  <= 50, description <= 300, cover.photo_url and image items under --base-url, status and comment, and answers
  {"error": 0, "message": "Success", "data": {"token": …}}; anything wrong is {"error": N, "message": …}.
- POST /v2.0/article/verify (header access_token, JSON {"token"}) answers {"error": 0, "data": {"id": …}}.

    python3 Tests/tools/zalo_standin.py --out DIR --app-id ID --secret S --refresh-token T --base-url URL
        [--fail-create CODE:MESSAGE] [--slow-create SECONDS]

Every request is appended to DIR/requests.jsonl (path, the headers that matter, the form or JSON body); created
articles are kept as DIR/article-N.json. Prints "READY PORT" on stdout once it listens; serves until stdin closes.
"""
import argparse
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.refresh = {args.refresh_token}
        self.access = set()
        self.articles = {}
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


def make_handler(state):
    args = state.args

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def answer(self, obj, status=200):
            body = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def record(self, entry):
            with open(os.path.join(args.out, "requests.jsonl"), "a") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with state.lock:
                if self.path == "/v4/oa/access_token":
                    return self.token(raw)
                if self.path in ("/v2.0/article/create", "/v2.0/article/verify"):
                    if self.headers.get("access_token") not in state.access:
                        self.record({"path": self.path, "error": -216})
                        return self.answer({"error": -216, "message": "Access token is invalid"})
                    try:
                        body = json.loads(raw)
                    except ValueError:
                        return self.answer({"error": -201, "message": "body is not JSON"})
                    if self.path.endswith("create"):
                        return self.create(body)
                    return self.verify(body)
            self.answer({"error": -404, "message": "no such endpoint"}, 404)

        def token(self, raw):
            form = dict(urllib.parse.parse_qsl(raw.decode()))
            self.record({"path": self.path, "form_keys": sorted(form),
                         "content_type": self.headers.get("Content-Type", ""),
                         "secret_ok": self.headers.get("secret_key") == args.secret})
            if self.headers.get("secret_key") != args.secret or form.get("app_id") != args.app_id:
                return self.answer({"error": -14001, "error_name": "invalid_app",
                                    "error_description": "app_id or secret_key is wrong"})
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") not in state.refresh:
                return self.answer({"error": -14014, "error_name": "invalid_grant",
                                    "error_description": "refresh token is invalid or was used"})
            state.refresh.discard(form["refresh_token"])
            n = state.next()
            access, refresh = "access-%d" % n, "refresh-%d" % n
            state.access.add(access)
            state.refresh.add(refresh)
            self.answer({"access_token": access, "refresh_token": refresh, "expires_in": "90000"})

        def create(self, body):
            self.record({"path": self.path, "body": body})
            if args.fail_create:
                code, message = args.fail_create.split(":", 1)
                return self.answer({"error": int(code), "message": message})
            problems = check_article(body, args.base_url)
            if problems:
                return self.answer({"error": -201, "message": "; ".join(problems)})
            n = state.next()
            token = "article-token-%d" % n
            state.articles[token] = "article-id-%d" % n
            with open(os.path.join(args.out, "article-%d.json" % n), "w") as f:
                json.dump(body, f, ensure_ascii=False)
            if args.slow_create:
                # the article is made, but the answer comes too late for the client
                time.sleep(args.slow_create)
            self.answer({"error": 0, "message": "Success", "data": {"token": token}})

        def verify(self, body):
            self.record({"path": self.path, "body": body})
            token = body.get("token")
            if token not in state.articles:
                return self.answer({"error": -201, "message": "unknown token"})
            self.answer({"error": 0, "message": "Success", "data": {"id": state.articles[token]}})

    return Handler


def check_article(body, base):
    p = []
    if body.get("type") != "normal":
        p.append("type must be normal")
    for key, limit in (("title", 150), ("author", 50), ("description", 300)):
        value = body.get(key)
        if not isinstance(value, str) or not value or len(value) > limit:
            p.append("%s must have 1 to %d characters" % (key, limit))
    cover = body.get("cover") or {}
    if cover.get("cover_type") != "photo" or not str(cover.get("photo_url", "")).startswith(base + "/"):
        p.append("cover.photo_url must be a photo under the base URL")
    items = body.get("body")
    if not isinstance(items, list) or not items:
        p.append("body must be a list of items")
    for item in items or []:
        if item.get("type") == "text":
            if not isinstance(item.get("content"), str) or not item["content"]:
                p.append("a text item needs content")
        elif item.get("type") == "image":
            if not str(item.get("url", "")).startswith(base + "/"):
                p.append("an image item's url must be under the base URL")
        else:
            p.append("body items are text or image")
    if body.get("status") not in ("show", "hide") or body.get("comment") not in ("show", "hide"):
        p.append("status and comment are show or hide")
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--app-id", required=True)
    ap.add_argument("--secret", required=True)
    ap.add_argument("--refresh-token", required=True)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--fail-create")
    ap.add_argument("--slow-create", type=float, default=0)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(State(args)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("READY %d" % server.server_address[1], flush=True)
    try:
        sys.stdin.read()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()

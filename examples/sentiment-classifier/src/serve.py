"""Predicts the sentiment of review texts, from the command line or over HTTP.

    python3 src/serve.py "The battery died after a week."
    echo "The pasta was bland." | python3 src/serve.py --adapter adapters/restaurants-lora.safetensors
    python3 src/serve.py --port 8080    # then: curl -d '{"text": "Great value"}' localhost:8080/predict

Standard library only; paths default to the layout of this project (and of `modelkit unpack`).
"""
import argparse
import json
import pathlib
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sentiment import Classifier

ROOT = pathlib.Path(__file__).resolve().parent.parent


def handler_for(classifier):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/health":
                self.reply(200, {"status": "ok"})
            else:
                self.reply(404, {"error": f"no such path: {self.path}"})

        def do_POST(self):
            if self.path != "/predict":
                self.reply(404, {"error": f"no such path: {self.path}"})
                return
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                text = body["text"]
            except (ValueError, KeyError, TypeError):
                self.reply(400, {"error": 'expected a JSON body like {"text": "..."}'})
                return
            self.reply(200, classifier.predict(text))

        def reply(self, status, payload):
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", help="texts to classify; read one per line from stdin when none")
    parser.add_argument("--model", type=pathlib.Path, default=ROOT / "model" / "sentiment-linear.safetensors")
    parser.add_argument("--adapter", type=pathlib.Path, help="LoRA adapter to merge into the model")
    parser.add_argument("--port", type=int, help="serve POST /predict on this port instead")
    args = parser.parse_args()

    classifier = Classifier.load(args.model, args.adapter)
    if args.port is not None:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(classifier))
        print(f"serving on http://127.0.0.1:{args.port}/predict", file=sys.stderr)
        server.serve_forever()
    for text in args.texts or (line.strip() for line in sys.stdin if line.strip()):
        print(json.dumps({"text": text, **classifier.predict(text)}))


if __name__ == "__main__":
    main()

"""Trains the sentiment classifier and its LoRA adapter with numpy.

    pip install numpy
    python3 src/train.py --data data --out .

Same algorithm, seeds and batch order as src/make_weights.py, so both give the same weights up to
floating-point rounding; this one is the one to use on real amounts of data.
"""
import argparse
import csv
import pathlib
import random

import numpy as np

from sentiment import BUCKETS, HPARAMS, LABELS, featurize, save_adapter, save_model


def load(path):
    with open(path, newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    x = np.zeros((len(rows), BUCKETS))
    for j, row in enumerate(rows):
        for bucket, value in featurize(row["text"]).items():
            x[j, bucket] = value
    y = np.array([LABELS.index(row["label"]) for row in rows])
    domains = np.array([row["domain"] for row in rows])
    return x, y, domains


class Adam:
    def __init__(self, params, learning_rate, betas, epsilon):
        self.params = params
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.lr, (self.b1, self.b2), self.eps = learning_rate, betas, epsilon
        self.t = 0

    def step(self, grads):
        self.t += 1
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= self.lr * (m / (1 - self.b1 ** self.t)) / (np.sqrt(v / (1 - self.b2 ** self.t)) + self.eps)


def batches(count, size, rng):
    # Python's random, not numpy's, so the batch order matches make_weights.py.
    order = list(range(count))
    rng.shuffle(order)
    for start in range(0, count, size):
        yield np.array(order[start : start + size])


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def error(logits, y):
    """Gradient of the cross-entropy loss with respect to the logits, one row per example."""
    g = softmax(logits)
    g[np.arange(len(y)), y] -= 1.0
    return g


def train_base(x, y):
    hp = HPARAMS["training"]
    opt = hp["optimizer"]
    w = np.zeros((len(LABELS), BUCKETS))
    b = np.zeros(len(LABELS))
    adam = Adam([w, b], hp["learning_rate"], opt["betas"], opt["epsilon"])
    rng = random.Random(hp["seed"])
    for _ in range(hp["epochs"]):
        for idx in batches(len(y), hp["batch_size"], rng):
            g = error(x[idx] @ w.T + b, y[idx])
            adam.step([g.T @ x[idx] / len(idx) + hp["regularization"]["l2"] * w, g.mean(axis=0)])
    return w, b


def train_lora(w, b, x, y):
    hp = HPARAMS["lora"]
    opt = HPARAMS["training"]["optimizer"]
    rank, scale = hp["rank"], hp["alpha"] / hp["rank"]
    rng = random.Random(hp["seed"])
    # A starts random and B at zero, so the adapted model starts equal to the base model.
    lora_a = np.array([rng.gauss(0.0, hp["init_std"]) for _ in range(rank * BUCKETS)]).reshape(rank, BUCKETS)
    lora_b = np.zeros((len(LABELS), rank))
    adam = Adam([lora_a, lora_b], hp["learning_rate"], opt["betas"], opt["epsilon"])
    for _ in range(hp["epochs"]):
        for idx in batches(len(y), hp["batch_size"], rng):
            h = x[idx] @ lora_a.T
            g = error(x[idx] @ w.T + b + scale * h @ lora_b.T, y[idx])
            adam.step([scale * (g @ lora_b).T @ x[idx] / len(idx), scale * g.T @ h / len(idx)])
    return lora_a, lora_b


def scores(w, b, x, y):
    """Accuracy and macro-averaged F1."""
    predicted = (x @ w.T + b).argmax(axis=1)
    f1s = []
    for c in range(len(LABELS)):
        tp = np.sum((predicted == c) & (y == c))
        fp = np.sum((predicted == c) & (y != c))
        fn = np.sum((predicted != c) & (y == c))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(float(np.mean(predicted == y)), 4), round(float(np.mean(f1s)), 4)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("data"), help="folder with train.csv and eval.csv")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("."), help="project folder to write model/ and adapters/ into")
    args = parser.parse_args()

    x, y, dom = load(args.data / "train.csv")
    ex, ey, edom = load(args.data / "eval.csv")
    general, adapt = np.isin(dom, HPARAMS["training"]["domains"]), dom == HPARAMS["lora"]["domain"]
    egeneral, eadapt = np.isin(edom, HPARAMS["training"]["domains"]), edom == HPARAMS["lora"]["domain"]

    w, b = train_base(x[general], y[general])
    lora_a, lora_b = train_lora(w, b, x[adapt], y[adapt])
    merged = w + HPARAMS["lora"]["alpha"] / HPARAMS["lora"]["rank"] * lora_b @ lora_a

    base_scores = scores(w, b, ex[egeneral], ey[egeneral])
    lora_scores = scores(merged, b, ex[eadapt], ey[eadapt])
    print(f"eval base: accuracy {base_scores[0]}, macro F1 {base_scores[1]}")
    print(f"eval {HPARAMS['lora']['domain']} with LoRA: accuracy {lora_scores[0]}, macro F1 {lora_scores[1]}")

    (args.out / "model").mkdir(parents=True, exist_ok=True)
    (args.out / "adapters").mkdir(parents=True, exist_ok=True)
    save_model(args.out / "model" / "sentiment-linear.safetensors", w.ravel().tolist(), b.tolist(), base_scores)
    save_adapter(args.out / "adapters" / "restaurants-lora.safetensors",
                 lora_a.ravel().tolist(), lora_b.ravel().tolist(), lora_scores)

if __name__ == "__main__":
    main()

"""Shared pieces of the sentiment classifier: featurizer, hyperparameters, safetensors I/O, inference.

Standard library only, so that serving and regenerating the weights need nothing installed.
"""
import json
import math
import re
import struct
import zlib

LABELS = ("negative", "neutral", "positive")
BUCKETS = 1024

# Mirrors model.parameters in the Kitfile; change both together.
HPARAMS = {
    "training": {
        "domains": ["books", "electronics"],
        "learning_rate": 0.05,
        "epochs": 40,
        "batch_size": 32,
        "seed": 7,
        "optimizer": {"name": "adam", "betas": [0.9, 0.999], "epsilon": 1e-8},
        "regularization": {"l2": 1e-4},
    },
    "lora": {
        "domain": "restaurants",
        "rank": 4,
        "alpha": 8,
        "learning_rate": 0.02,
        "epochs": 30,
        "batch_size": 16,
        "init_std": 0.01,
        "seed": 11,
    },
}

_TOKEN = re.compile(r"[a-z0-9']+")


def tokens(text):
    return _TOKEN.findall(text.lower())


def featurize(text, buckets=BUCKETS):
    """Hashed unigram and bigram counts, L2-normalised, as a sparse {bucket: value} dict.

    Bigrams let a linear model tell "not good" from "good"; crc32 keeps the hash stable
    across Python processes (the built-in hash() is salted per process).
    """
    words = tokens(text)
    grams = words + [a + " " + b for a, b in zip(words, words[1:])]
    counts = {}
    for gram in grams:
        bucket = zlib.crc32(gram.encode("utf-8")) % buckets
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {bucket: v / norm for bucket, v in counts.items()}


# --- safetensors ----------------------------------------------------------------------------
# Layout: u64 little-endian header length, JSON header, then the raw little-endian tensor bytes.
# Each header entry is {"dtype", "shape", "data_offsets": [begin, end]} relative to the data start.


def write_safetensors(path, tensors, metadata=None):
    """Writes float32 tensors given as {name: (shape, flat list of floats)} in name order."""
    header = {}
    chunks = []
    offset = 0
    for name in sorted(tensors):
        shape, values = tensors[name]
        if math.prod(shape) != len(values):
            raise ValueError(f"{path}: tensor {name} has {len(values)} values for shape {shape}")
        data = struct.pack(f"<{len(values)}f", *values)
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    # Pad with spaces so the tensor data starts 8-byte aligned, as the reference writer does.
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(encoded)))
        out.write(encoded)
        for data in chunks:
            out.write(data)


def read_safetensors(path):
    """Returns ({name: (shape, flat list of floats)}, metadata) for a float32 safetensors file."""
    with open(path, "rb") as source:
        blob = source.read()
    if len(blob) < 8:
        raise ValueError(f"{path}: too short for a safetensors header")
    (header_len,) = struct.unpack_from("<Q", blob, 0)
    if 8 + header_len > len(blob):
        raise ValueError(f"{path}: header length {header_len} exceeds file size {len(blob)}")
    header = json.loads(blob[8 : 8 + header_len].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = memoryview(blob)[8 + header_len :]
    tensors = {}
    for name, info in header.items():
        if info["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {info['dtype']}, expected F32")
        begin, end = info["data_offsets"]
        count = math.prod(info["shape"])
        if end - begin != 4 * count or end > len(data):
            raise ValueError(f"{path}: tensor {name} offsets {begin}..{end} do not fit shape {info['shape']}")
        tensors[name] = (tuple(info["shape"]), list(struct.unpack_from(f"<{count}f", data, begin)))
    return tensors, metadata


def save_model(path, weight, bias, eval_scores):
    """Writes the base model: weight is the flat row-major [labels x buckets] matrix."""
    write_safetensors(path, {
        "classifier.weight": ((len(LABELS), BUCKETS), weight),
        "classifier.bias": ((len(LABELS),), bias),
    }, {
        "format": "np",
        "architecture": "linear-softmax",
        "labels": ",".join(LABELS),
        "features": f"crc32-hashed unigrams and bigrams, {BUCKETS} buckets, l2-normalised",
        "eval_accuracy": eval_scores[0],
        "eval_macro_f1": eval_scores[1],
    })


def save_adapter(path, lora_a, lora_b, eval_scores):
    """Writes the LoRA adapter with PEFT-style tensor names: A is [rank x buckets], B is [labels x rank]."""
    rank = HPARAMS["lora"]["rank"]
    write_safetensors(path, {
        "base_model.model.classifier.lora_A.weight": ((rank, BUCKETS), lora_a),
        "base_model.model.classifier.lora_B.weight": ((len(LABELS), rank), lora_b),
    }, {
        "format": "np",
        "base_model": "sentiment-linear",
        "target_modules": "classifier",
        "r": rank,
        "lora_alpha": HPARAMS["lora"]["alpha"],
        "domain": HPARAMS["lora"]["domain"],
        "eval_accuracy": eval_scores[0],
        "eval_macro_f1": eval_scores[1],
    })


# --- inference ------------------------------------------------------------------------------


class Classifier:
    """Linear softmax classifier over hashed n-grams, optionally merged with a LoRA adapter."""

    def __init__(self, weights, bias):
        self.weights = weights  # rows of BUCKETS floats, one per label
        self.bias = bias

    @classmethod
    def load(cls, model_path, adapter_path=None):
        tensors, _ = read_safetensors(model_path)
        (rows, cols), flat = tensors["classifier.weight"]
        weights = [list(flat[r * cols : (r + 1) * cols]) for r in range(rows)]
        bias = list(tensors["classifier.bias"][1])
        if adapter_path:
            merge_lora(weights, *read_safetensors(adapter_path))
        return cls(weights, bias)

    def predict(self, text):
        x = featurize(text, len(self.weights[0]))
        logits = [b + sum(row[i] * v for i, v in x.items()) for row, b in zip(self.weights, self.bias)]
        probs = softmax(logits)
        best = max(range(len(probs)), key=probs.__getitem__)
        return {"label": LABELS[best], "scores": dict(zip(LABELS, (round(p, 4) for p in probs)))}


def merge_lora(weights, tensors, metadata):
    """Adds scale * B @ A to the base weights in place (scale = alpha / rank)."""
    (rank, cols), a = tensors["base_model.model.classifier.lora_A.weight"]
    (rows, _), b = tensors["base_model.model.classifier.lora_B.weight"]
    scale = float(metadata.get("lora_alpha", rank)) / rank
    for r in range(rows):
        for k in range(rank):
            coef = scale * b[r * rank + k]
            a_row = a[k * cols : (k + 1) * cols]
            weights[r] = [w + coef * av for w, av in zip(weights[r], a_row)]


def softmax(logits):
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return [e / total for e in exps]

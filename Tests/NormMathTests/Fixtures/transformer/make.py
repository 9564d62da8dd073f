"""Reference cases for NormMath's Transformer pieces (MultiHeadSelfAttention, TransformerBlock,
TinyTransformer), composed in PyTorch from its own layers and differentiated by autograd.

Inputs are drawn in float32 and written as such; PyTorch computes in float64 from them, so the
expectations are float64. The test loss is L = sum(w * output) with a fixed random w, so
dL/doutput = w. Run once: python3 make.py (writes the JSON files beside this script).
"""
import json, math, os
import torch
import torch.nn.functional as F

torch.manual_seed(2026)
HERE = os.path.dirname(os.path.abspath(__file__))


def f32(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).float()


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def norm(x, kind, gamma, beta):
    if kind == "rms":
        return x / torch.sqrt((x * x).mean(-1, keepdim=True) + 1e-5) * gamma
    return F.layer_norm(x, (x.shape[-1],), gamma, beta, eps=1e-5)


def attention(x, p, n, t, heads, qk):
    d = x.shape[-1]
    dh = d // heads
    def split(y):  # [N*T, D] -> [N, heads, T, dh]
        return y.view(n, t, heads, dh).transpose(1, 2)
    q, k, v = split(x @ p["wq"].T), split(x @ p["wk"].T), split(x @ p["wv"].T)
    if qk:
        q = F.layer_norm(q, (dh,), p["qgamma"], p["qbeta"], eps=1e-5)
        k = F.layer_norm(k, (dh,), p["kgamma"], p["kbeta"], eps=1e-5)
    s = q @ k.transpose(-1, -2) / math.sqrt(dh)
    o = torch.softmax(s, -1) @ v
    return o.transpose(1, 2).reshape(n * t, d) @ p["wo"].T


def attention_params(d, dh, qk):
    p = {name: f32(d, d, scale=1 / math.sqrt(d)) for name in ["wq", "wk", "wv", "wo"]}
    if qk:
        p.update(qgamma=1 + f32(dh, scale=0.2), qbeta=f32(dh, scale=0.2), kgamma=1 + f32(dh, scale=0.2), kbeta=f32(dh, scale=0.2))
    return p


def block(h, p, n, t, heads, placement, kind, qk):
    tokens, d = h.shape
    n1 = lambda x: norm(x, kind, p["n1gamma"], p.get("n1beta"))
    n2 = lambda x: norm(x, kind, p["n2gamma"], p.get("n2beta"))
    mlp = lambda u: torch.relu(u @ p["w1"].T) @ p["w2"].T
    att = lambda u: attention(u, p, n, t, heads, qk)
    if placement == "post":
        h1 = n1(h + att(h))
        return n2(h1 + mlp(h1))
    h1 = h + att(n1(h))
    return h1 + mlp(n2(h1))


def block_params(d, dh, hidden, kind, qk):
    p = attention_params(d, dh, qk)
    p.update(w1=f32(hidden, d, scale=math.sqrt(2 / d)), w2=f32(d, hidden, scale=1 / math.sqrt(hidden)))
    for name in ["n1", "n2"]:
        p[name + "gamma"] = 1 + f32(d, scale=0.2)
        if kind == "layer":
            p[name + "beta"] = f32(d, scale=0.2)
    return p


def differentiate(inputs, output, w):
    leaves = {k: v.double().requires_grad_() for k, v in inputs.items()}
    y = output(leaves)
    (y * w.double()).sum().backward()
    return y, {("d" + k): flat(v.grad) for k, v in leaves.items()}


def write(name, case_input, expected):
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump({"input": case_input, "expected": expected}, f, indent=1)


def attention_case(name, qk):
    n, t, d, heads = 2, 5, 8, 2
    p = attention_params(d, d // heads, qk)
    x = f32(n * t, d)
    w = f32(n * t, d)
    inputs = dict(p, x=x)
    y, grads = differentiate(inputs, lambda q: attention(q["x"], q, n, t, heads, qk), w)
    write(name, dict({k: flat(v) for k, v in inputs.items()}, sequences=n, length=t, width=d, heads=heads, qk_norm=qk, w=flat(w)),
          dict(grads, y=flat(y)))


def model_case(name, placement, kind, qk):
    n, t, d, heads, hidden, vocab, depth = 2, 5, 8, 2, 12, 6, 2
    inputs = {"token_embedding": f32(vocab, d), "position_embedding": f32(t, d)}
    for l in range(depth):
        for k, v in block_params(d, d // heads, hidden, kind, qk).items():
            inputs[f"block{l}_{k}"] = v
    if placement == "pre":
        inputs["final_gamma"] = 1 + f32(d, scale=0.2)
        if kind == "layer":
            inputs["final_beta"] = f32(d, scale=0.2)
    inputs["head_weight"] = f32(vocab, d, scale=1 / math.sqrt(d))
    inputs["head_bias"] = f32(vocab, scale=0.1)
    tokens = torch.randint(0, vocab, (n * t,))
    w = f32(n * t, vocab)

    def forward(q):
        h = q["token_embedding"][tokens] + q["position_embedding"].repeat(n, 1)
        for l in range(depth):
            p = {k[len(f"block{l}_"):]: v for k, v in q.items() if k.startswith(f"block{l}_")}
            h = block(h, p, n, t, heads, placement, kind, qk)
        if placement == "pre":
            h = norm(h, kind, q["final_gamma"], q.get("final_beta"))
        return h @ q["head_weight"].T + q["head_bias"]

    y, grads = differentiate(inputs, forward, w)
    write(name, dict({k: flat(v) for k, v in inputs.items()}, tokens=tokens.tolist(), sequences=n, length=t, width=d,
                     heads=heads, hidden=hidden, vocabulary=vocab, depth=depth, placement=placement, norm=kind, qk_norm=qk,
                     w=flat(w)),
          dict(grads, logits=flat(y)))


attention_case("attention", False)
attention_case("attention-qk-norm", True)
model_case("model-post-ln", "post", "layer", False)
model_case("model-pre-ln", "pre", "layer", False)
model_case("model-post-ln-qk-norm", "post", "layer", True)
model_case("model-pre-rmsnorm", "pre", "rms", False)

"""Reference cases for a graph convolution followed by PairNorm (Zhao & Akoglu 2020) and a
second graph convolution (Kipf & Welling 2017), made once with PyTorch autograd; PyTorch core
has neither layer, so both are written out here from the papers' formulas:

    Â = D̃^-1/2 (A + I) D̃^-1/2
    Z = Â X W1ᵀ            P = PairNorm(Z) (centre over nodes, s / sqrt(eps + mean ||row||²))
    H = relu(P)            out = Â H W2ᵀ + b2             loss = Σ w ⊙ out

Inputs are float32 values, the expectations computed in float64. Run from this folder:
`python3 make.py` writes case-*.json. Not a test dependency.
"""
import json
import torch

torch.manual_seed(7)


def case(index, n, features, hidden, classes, edges_wanted, scale):
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    order = torch.randperm(len(pairs))[:edges_wanted].tolist()
    edges = sorted(pairs[k] for k in order)
    x = torch.randn(n, features).float()
    w1 = (torch.randn(hidden, features) * 0.5).float()
    w2 = (torch.randn(classes, hidden) * 0.5).float()
    b2 = (torch.randn(classes) * 0.1).float()
    w = torch.randn(n, classes).float()

    a = torch.eye(n, dtype=torch.float64)
    for i, j in edges:
        a[i, j] = a[j, i] = 1
    d = a.sum(1)
    a_hat = a / d.sqrt()[:, None] / d.sqrt()[None, :]
    X, W1, W2, B2 = (t.double().clone().requires_grad_() for t in (x, w1, w2, b2))
    z = a_hat @ X @ W1.T
    c = z - z.mean(0)
    p = scale * c / (1e-6 + (c ** 2).sum(1).mean()).sqrt()
    h = torch.relu(p)
    out = a_hat @ h @ W2.T + B2
    (out * w.double()).sum().backward()
    return {
        "input": {
            "nodes": n, "features": features, "hidden": hidden, "classes": classes, "scale": scale,
            "edges": [list(e) for e in edges], "x": x.flatten().tolist(), "w1": w1.flatten().tolist(),
            "w2": w2.flatten().tolist(), "b2": b2.tolist(), "w": w.flatten().tolist(),
        },
        "expected": {
            "out": out.detach().flatten().tolist(), "dx": X.grad.flatten().tolist(),
            "dw1": W1.grad.flatten().tolist(), "dw2": W2.grad.flatten().tolist(), "db2": B2.grad.tolist(),
        },
    }


for index, (n, features, hidden, classes, edges, scale) in enumerate([(9, 5, 6, 3, 14, 1.0), (14, 4, 8, 2, 20, 2.5)]):
    with open(f"case-{index:03d}.json", "w") as f:
        json.dump(case(index, n, features, hidden, classes, edges, scale), f)

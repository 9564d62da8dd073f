"""Reference cases for NormMath's GatedRecurrentUnit (Tests/NormMathTests/Layers/GatedRecurrentUnitTests.swift).

Run once: python3 make.py  (writes case-*.json beside this file). Inputs are float32 values,
the expectations float64 from PyTorch. Without layer norm the unit is torch.nn.GRU; with it,
the same cell composed in torch with the recurrent summed inputs of each gate layer-normalized
per sample over the hidden units (Ba et al. 2016), differentiated by autograd.
The loss is L = sum_t sum(w_t * h_t), so dL/dh_t = w_t from outside.
"""
import json, os
import torch

torch.manual_seed(16)
HERE = os.path.dirname(os.path.abspath(__file__))


def f32(shape, scale=1.0):
    return (torch.randn(*shape) * scale).float()


def layer_norm_cell(x, w_ih, w_hh, b_ih, b_hh, gamma, beta, hidden, eps):
    steps, batch, _ = x.shape
    h = torch.zeros(batch, hidden, dtype=torch.float64)
    states = []
    for t in range(steps):
        i = x[t] @ w_ih.T + b_ih
        a = h @ w_hh.T + b_hh
        parts = []
        for g in range(3):
            ag = a[:, g * hidden:(g + 1) * hidden]
            mean = ag.mean(dim=1, keepdim=True)
            var = ((ag - mean) ** 2).mean(dim=1, keepdim=True)
            parts.append((ag - mean) / torch.sqrt(var + eps) * gamma[g * hidden:(g + 1) * hidden] + beta[g * hidden:(g + 1) * hidden])
        r = torch.sigmoid(i[:, :hidden] + parts[0])
        z = torch.sigmoid(i[:, hidden:2 * hidden] + parts[1])
        n = torch.tanh(i[:, 2 * hidden:] + r * parts[2])
        h = (1 - z) * n + z * h
        states.append(h)
    return torch.stack(states)


def case(index, input_size, hidden, batch, steps, layer_norm, eps=1e-5):
    x = f32((steps, batch, input_size))
    bound = 1 / hidden ** 0.5
    w_ih = (torch.rand(3 * hidden, input_size) * 2 - 1) * bound
    w_hh = (torch.rand(3 * hidden, hidden) * 2 - 1) * bound * 3
    b_ih = (torch.rand(3 * hidden) * 2 - 1) * bound
    b_hh = (torch.rand(3 * hidden) * 2 - 1) * bound
    gamma = 1 + f32((3 * hidden,), 0.3) if layer_norm else torch.ones(3 * hidden)
    beta = f32((3 * hidden,), 0.3) if layer_norm else torch.zeros(3 * hidden)
    w = f32((steps, batch, hidden))
    tensors = [t.float().double().requires_grad_(True) for t in (x, w_ih, w_hh, b_ih, b_hh, gamma, beta)]
    xd, w_ihd, w_hhd, b_ihd, b_hhd, gammad, betad = tensors
    if layer_norm:
        out = layer_norm_cell(xd, w_ihd, w_hhd, b_ihd, b_hhd, gammad, betad, hidden, eps)
    else:
        gru = torch.nn.GRU(input_size, hidden).double()
        with torch.no_grad():
            gru.weight_ih_l0.copy_(w_ihd); gru.weight_hh_l0.copy_(w_hhd)
            gru.bias_ih_l0.copy_(b_ihd); gru.bias_hh_l0.copy_(b_hhd)
        out, _ = gru(xd)
    loss = (out * w.double()).sum()
    loss.backward()
    if not layer_norm:
        grads = [xd.grad, gru.weight_ih_l0.grad, gru.weight_hh_l0.grad, gru.bias_ih_l0.grad, gru.bias_hh_l0.grad]
    else:
        grads = [t.grad for t in tensors]
    flat = lambda t: [float(v) for v in t.detach().reshape(-1)]
    data = {
        "input": {
            "input_size": input_size, "hidden_size": hidden, "batch": batch, "layer_norm": layer_norm, "eps": eps,
            "x": flat(x), "weight_ih": flat(w_ih), "weight_hh": flat(w_hh), "bias_ih": flat(b_ih), "bias_hh": flat(b_hh),
            "gamma": flat(gamma), "beta": flat(beta), "dhidden": flat(w),
        },
        "expected": {
            "hidden": flat(out), "dx": flat(grads[0]), "dweight_ih": flat(grads[1]), "dweight_hh": flat(grads[2]),
            "dbias_ih": flat(grads[3]), "dbias_hh": flat(grads[4]),
        },
    }
    if layer_norm:
        data["expected"]["dgamma"] = flat(grads[5])
        data["expected"]["dbeta"] = flat(grads[6])
    with open(os.path.join(HERE, f"case-{index:03d}.json"), "w") as f:
        json.dump(data, f)


case(0, 2, 4, 3, 6, False)
case(1, 3, 5, 2, 12, False)
case(2, 2, 4, 3, 6, True)
case(3, 3, 5, 2, 12, True)

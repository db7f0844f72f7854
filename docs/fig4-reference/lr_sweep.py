"""Fig. 4 learning-rate check outside rfa: the reconstructed spiking equations
(shared/paper/NOTES.md, in the order of packages/spiking/src/simulation-step.ts) written
again in PyTorch, with E networks side by side (one per learning-rate schedule, the same
initial W and B, the same images in the same order). It ran on an H200 where a paper-size
epoch takes 17 s for all six networks, so it can say in minutes what a 20-epoch run of rfa
would reach at each schedule; rfa's own numbers come from `pnpm bench reproduce fig4`.

Usage: python3 lr_sweep.py MNIST_DIR OUT_JSON [--set2] [--seed N] [--epochs N] [--wall S] [--small]
MNIST_DIR holds the four gzipped IDX files (train-images-idx3-ubyte.gz, ...).
--set2 picks the second set of schedules; --small is a CPU smoke run (784-200-200-1000, 3k images).
"""
import gzip, json, sys, time
import numpy as np
import torch

args = sys.argv[1:]
data_dir, out_path = args[0], args[1]
small = '--small' in args
epochs = int(args[args.index('--epochs') + 1]) if '--epochs' in args else 20
wall = float(args[args.index('--wall') + 1]) if '--wall' in args else 1e9
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
seed = int(args[args.index('--seed') + 1]) if '--seed' in args else 4
torch.manual_seed(seed)
np_rng = np.random.default_rng(seed)


def idx(name):
    with gzip.open(f'{data_dir}/{name}.gz', 'rb') as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


xtr = torch.tensor(idx('train-images-idx3-ubyte').reshape(-1, 784) / 255.0, dtype=torch.float32, device=dev)
ytr = torch.tensor(idx('train-labels-idx1-ubyte').astype(np.int64), device=dev)
xte = torch.tensor(idx('t10k-images-idx3-ubyte').reshape(-1, 784) / 255.0, dtype=torch.float32, device=dev)
yte = torch.tensor(idx('t10k-labels-idx1-ubyte').astype(np.int64), device=dev)

# schedules: (name, eta0, factor per epoch, first epoch that decays)
SCHEDULES = [
    ('1e-3', 1e-3, 1.0, 1),
    ('3e-3', 3e-3, 1.0, 1),
    ('1e-2', 1e-2, 1.0, 1),
    ('3e-2', 3e-2, 1.0, 1),
    ('1e-2 x0.8/epoch', 1e-2, 0.8, 1),
    ('3e-2 x0.8/epoch', 3e-2, 0.8, 1),
]
if '--set2' in args:
    SCHEDULES = [
        ('1e-2', 1e-2, 1.0, 1),
        ('6e-3', 6e-3, 1.0, 1),
        ('1e-2 x0.9/epoch', 1e-2, 0.9, 1),
        ('1e-2 x0.95/epoch', 1e-2, 0.95, 1),
        ('2e-2 x0.85/epoch', 2e-2, 0.85, 1),
        ('1e-2, x0.7/epoch after epoch 11', 1e-2, 0.7, 11),
    ]
layers = [784, 200, 200, 1000] if small else [784, 1500, 1500, 1500, 1000]
if small:
    xtr, ytr = xtr[:3000], ytr[:3000]
    xte, yte = xte[:1000], yte[:1000]
E, P, PT, STEPS, TAU, CLAMP = len(SCHEDULES), 10, 100, 5, 0.9, 0.95
L = len(layers) - 1


def uniform(shape, a):
    return (torch.rand(shape, device=dev) * 2 - 1) * a


# the same initial W and B for every schedule
W = [uniform((1, layers[l + 1], layers[l]), 0.05).repeat(E, 1, 1).contiguous() for l in range(L)]
b = [torch.zeros(E, 1, layers[l + 1], device=dev) for l in range(L)]
# B[l] carries layer l+1's modulator down to layer l: [E, n_{l+1}, n_l], for l = 0..L-2
B = [uniform((1, layers[l + 2], layers[l + 1]), 0.1).repeat(E, 1, 1).contiguous() for l in range(L - 1)]
eta = torch.tensor([s[1] for s in SCHEDULES], device=dev).view(E, 1, 1)


class State:
    def __init__(self, rows):
        self.V = [torch.zeros(E, rows, n, device=dev) for n in layers[1:]]
        self.U = [torch.zeros(E, rows, n, device=dev) for n in layers[1:]]
        self.s = [torch.zeros(E, rows, n, device=dev) for n in layers[1:]]
        self.p = [None] * L  # sigmoid(V) of this step, reused by the update
        self.x = torch.zeros(rows, 784, device=dev)
        self.y = torch.zeros(rows, layers[-1], device=dev)
        self.count = torch.zeros(E, rows, layers[-1], device=dev)


def step(st, plastic):
    s_in = (torch.rand_like(st.x) < st.x.clamp(max=CLAMP)).float().expand(E, -1, -1)
    below = s_in
    for l in range(L):
        st.V[l].mul_(1 - TAU).add_(torch.baddbmm(b[l], below, W[l].transpose(1, 2)), alpha=TAU)
        p = st.p[l] = torch.sigmoid(st.V[l])
        st.s[l] = (torch.rand_like(p) < p).float()
        below = st.s[l]
    st.count.add_(st.s[-1])
    if not plastic:
        return
    st.U[-1].mul_(1 - TAU).add_(st.y - st.s[-1], alpha=TAU)
    mod = [None] * L
    mod[-1] = torch.tanh(st.U[-1])
    for l in range(L - 2, -1, -1):
        st.U[l].mul_(1 - TAU).add_(torch.bmm(mod[l + 1], B[l]), alpha=TAU)
        mod[l] = torch.tanh(st.U[l])
    # gamma 1e-8: 1 - 1e-8 is 1.0 in float32, so the decay is left out (as in float32 rfa)
    for l in range(L - 1, -1, -1):
        p = st.p[l]
        delta = p * (1 - p) * mod[l] * eta
        pre = s_in if l == 0 else st.s[l - 1]
        W[l].baddbmm_(delta.transpose(1, 2), pre)
        b[l].add_(delta.sum(1, keepdim=True))


train = State(P)


def present():
    for _ in range(STEPS):
        step(train, True)


graph = None
if dev == 'cuda':
    try:
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            saved = [w.clone() for w in W] + [v.clone() for v in b]
            present()  # warm-up outside the graph
            for t, v in zip(W + b, saved):
                t.copy_(v)
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):
            present()
        for t, v in zip(W + b, saved):
            t.copy_(v)
        for st_list in (train.V, train.U):
            for v in st_list:
                v.zero_()
    except Exception as err:  # eager fallback
        print('no CUDA graph:', err, flush=True)
        graph = None


def evaluate():
    st = State(PT)
    wrong = torch.zeros(E, device=dev)
    for i in range(0, len(xte), PT):
        st.x.copy_(xte[i:i + PT])
        st.count.zero_()
        for _ in range(STEPS):
            step(st, False)
        guess = st.count.view(E, PT, 10, -1).sum(3).argmax(2)
        wrong += (guess != yte[i:i + PT]).float().sum(1)
    return (wrong / len(xte)).tolist()


results = {'seed': seed, 'layers': layers, 'schedules': [s[0] for s in SCHEDULES], 'curves': [[] for _ in SCHEDULES],
           'epochSeconds': [], 'device': torch.cuda.get_device_name() if dev == 'cuda' else 'cpu',
           'graph': graph is not None}
start = time.time()
eye = torch.eye(10, device=dev).repeat_interleave(layers[-1] // 10, 1)
for epoch in range(1, epochs + 1):
    if time.time() - start > wall:
        print('wall limit: stopping before epoch', epoch, flush=True)
        break
    t0 = time.time()
    eta.copy_(torch.tensor([s[1] * s[2] ** max(0, epoch - s[3]) for s in SCHEDULES], device=dev).view(E, 1, 1))
    order = torch.tensor(np_rng.permutation(len(xtr)), device=dev)
    for i in range(0, len(order) - P + 1, P):
        batch = order[i:i + P]
        train.x.copy_(xtr[batch])
        train.y.copy_(eye[ytr[batch]])
        if graph is not None:
            graph.replay()
        else:
            present()
    errs = evaluate()
    if dev == 'cuda':
        torch.cuda.synchronize()
    results['epochSeconds'].append(round(time.time() - t0, 2))
    for c, e in zip(results['curves'], errs):
        c.append(round(e * 100, 2))
    print(f'epoch {epoch} ({time.time() - t0:.1f} s):',
          '  '.join(f'{s[0]}: {e * 100:.2f}%' for s, e in zip(SCHEDULES, errs)), flush=True)
    with open(out_path, 'w') as f:
        json.dump(results, f, indent=1)

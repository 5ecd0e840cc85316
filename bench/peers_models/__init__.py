"""The other servers of make bench-peers (bench/peers.py). Run in their own venvs under
.peers-venv, never the service's: ReLU (np.maximum(x, 0)) as an Open Inference Protocol model in
MLServer (mlserver_relu) and in KServe (kserve_relu), and the service's benchmark app as granian
serves it (granian_service). Run from the service's venv: how bench.peers starts each of them
(launch) and the probes of slow and greedy clients (slow_clients)."""

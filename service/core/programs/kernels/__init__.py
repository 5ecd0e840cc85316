"""Transcendental kernels as each framework's CPU code computes them."""

"""ReLU reference service: evaluation of ReLU and its relatives, and a quiz on them."""

__version__ = "0.1.0"

"""Batch evaluation of catalogue functions over JSON, .npy and raw bytes."""

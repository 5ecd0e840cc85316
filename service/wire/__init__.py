"""Arrays on the wire, shared by the evaluation routes (/v1) and the inference protocol (/v2):
element types, nested JSON arrays, .npy headers and raw bytes. numpy and orjson only."""

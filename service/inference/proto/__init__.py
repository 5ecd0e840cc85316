"""The Open Inference Protocol's gRPC messages, generated: `make grpc-stubs` rebuilds them.

grpc_service.proto and model_config.proto are Triton's (triton-inference-server/common,
protobuf/, commit 83adf7c), unchanged: package `inference`, service GRPCInferenceService,
the KServe v2 messages and Triton's extensions, which tritonclient.grpc speaks. Only the
messages are generated; service/inference/grpc_server.py registers the methods it serves.
"""

"""The gRPC messages to and from what /v2 over HTTP reads and writes.

A ModelInferRequest becomes the same JSON-shaped header that an HTTP request carries, and
protocol.plan checks it: both transports take the same inputs, refuse the same ones and say
the same things. Tensors travel as raw little-endian bytes (raw_input_contents, as
tritonclient.grpc sends them) or, for FP32 and FP64, in their typed contents field; outputs
always as raw_output_contents, as Triton answers.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from service.core.catalogue import Function
from service.core.errors import Invalid
from service.inference import protocol
from service.inference.proto import grpc_service_pb2 as pb
from service.inference.protocol import Plan
from service.inference.service import VERSION, ModelMetadata
from service.wire import arrays, dtypes
from service.wire.arrays import FloatArray

# The typed field of InferTensorContents for each datatype that has one (FP16 has none).
TYPED_FIELDS = {"FP32": "fp32_contents", "FP64": "fp64_contents"}
CONTENT_FIELDS = tuple(f.name for f in pb.InferTensorContents.DESCRIPTOR.fields)


def _value(parameter: pb.InferParameter) -> Any:
    choice = parameter.WhichOneof("parameter_choice")
    return None if choice is None else getattr(parameter, choice)


def _filled(tensor: pb.ModelInferRequest.InferInputTensor) -> list[str]:
    return [name for name in CONTENT_FIELDS if len(getattr(tensor.contents, name))]


def header(request: pb.ModelInferRequest) -> dict[str, Any]:
    """The request as an HTTP client would have sent its JSON header."""
    raw = request.raw_input_contents
    if raw and len(raw) != len(request.inputs):
        raise Invalid(
            f"raw_input_contents has {len(raw)} entries for {len(request.inputs)} inputs: "
            "give one per input, in order, or none"
        )
    inputs: list[dict[str, Any]] = []
    for index, tensor in enumerate(request.inputs):
        entry: dict[str, Any] = {
            "name": tensor.name,
            "shape": list(tensor.shape),
            "datatype": tensor.datatype,
        }
        if raw:
            entry["parameters"] = {"binary_data_size": len(raw[index])}
        else:  # typed contents are read after the plan, within its element limit
            entry["data"] = []
        inputs.append(entry)
    return {
        "id": request.id or None,
        "parameters": {name: _value(p) for name, p in request.parameters.items()},
        "inputs": inputs,
        "outputs": [{"name": output.name} for output in request.outputs] or None,
    }


def _typed_input(tensor: pb.ModelInferRequest.InferInputTensor, plan: Plan) -> FloatArray:
    """Input x from its typed contents field, once its count matches the planned shape (the
    plan has held that to the element limit)."""
    datatype = plan.element_type.datatype
    typed = TYPED_FIELDS.get(datatype)
    if typed is None:
        raise Invalid(
            f"{datatype} has no field in InferTensorContents: send input x in "
            "raw_input_contents (tritonclient.grpc does)"
        )
    wrong = [name for name in _filled(tensor) if name != typed]
    if wrong:
        raise Invalid(f"input x is {datatype}, so its elements go in {typed}, not {wrong[0]}")
    values = getattr(tensor.contents, typed)
    needed = math.prod(plan.shape)
    if len(values) != needed:
        raise Invalid(
            f"input x has {len(values)} elements in {typed}, but its shape "
            f"{list(plan.shape)} needs {needed}"
        )
    x = np.fromiter(values, plan.element_type.numpy, count=needed)
    return x.reshape(plan.shape)


def _check_raw_size(entry: dict[str, Any], size: int, max_elements: int) -> None:
    """Said before protocol.plan, whose message names HTTP's binary_data_size: a wrong byte
    count of an otherwise sound tensor, in the gRPC message's own words."""
    element_type = dtypes.BY_DATATYPE.get(entry["datatype"])
    try:
        shape = arrays.check_shape(entry["shape"], max_elements)
    except Invalid:
        return  # protocol.plan says what is wrong with the shape
    if element_type is None:
        return
    needed = math.prod(shape) * element_type.numpy.itemsize
    if size != needed:
        raise Invalid(
            f"raw_input_contents[0] has {size} bytes, but shape {list(shape)} of "
            f"{entry['datatype']} needs {needed}"
        )


def decode(
    request: pb.ModelInferRequest, fn: Function, max_elements: int
) -> tuple[Plan, FloatArray]:
    """The plan and input x; Invalid (TooLarge over a limit) when they cannot be used."""
    head = header(request)
    if request.raw_input_contents and len(request.inputs) == 1:
        _check_raw_size(head["inputs"][0], len(request.raw_input_contents[0]), max_elements)
    plan = protocol.plan(head, tuple(p.name for p in fn.params), max_elements)
    tensor = request.inputs[0]
    if not request.raw_input_contents:
        return plan, _typed_input(tensor, plan)
    if _filled(tensor):
        raise Invalid("input x has both contents and raw_input_contents: send one")
    return plan, protocol.binary_input(plan, request.raw_input_contents[0])


def response(plan: Plan, model_name: str, outputs: dict[str, FloatArray]) -> pb.ModelInferResponse:
    message = pb.ModelInferResponse(
        model_name=model_name, model_version=VERSION, id=plan.request.id or ""
    )
    for name, array in outputs.items():
        message.outputs.add(
            name=name, datatype=dtypes.of(array.dtype).datatype, shape=list(array.shape)
        )
        message.raw_output_contents.append(bytes(arrays.byte_view(np.ascontiguousarray(array))))
    return message


def model_metadata(meta: ModelMetadata) -> pb.ModelMetadataResponse:
    """The metadata without its parameters, which the gRPC message has no field for."""
    return pb.ModelMetadataResponse(
        name=meta.name,
        versions=list(meta.versions),
        platform=meta.platform,
        inputs=[
            pb.ModelMetadataResponse.TensorMetadata(
                name=t.name, datatype=t.datatype, shape=list(t.shape)
            )
            for t in meta.inputs
        ],
        outputs=[
            pb.ModelMetadataResponse.TensorMetadata(
                name=t.name, datatype=t.datatype, shape=list(t.shape)
            )
            for t in meta.outputs
        ],
    )

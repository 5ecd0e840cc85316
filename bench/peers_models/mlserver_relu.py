"""ReLU as an MLServer custom runtime: the first input, decoded by MLServer's NumPy codec, through
np.maximum, returned as the output "value". MLServer imports it by name (model-settings.json's
"implementation": bench.peers_models.launch writes it), in the MLServer venv only."""

from __future__ import annotations

import numpy as np
from mlserver import MLModel
from mlserver.codecs import NumpyCodec
from mlserver.types import InferenceRequest, InferenceResponse


class Relu(MLModel):
    async def load(self) -> bool:
        return True

    async def predict(self, payload: InferenceRequest) -> InferenceResponse:
        x = NumpyCodec.decode_input(payload.inputs[0]).astype(np.float32, copy=False)
        return InferenceResponse(
            model_name=self.name,
            id=payload.id,
            outputs=[NumpyCodec.encode_output("value", np.maximum(x, 0))],
        )

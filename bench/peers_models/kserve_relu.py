"""ReLU as a KServe model: the first input through np.maximum, returned as the output "value",
served by kserve.ModelServer over HTTP only (v2 at /v2/models/relu/infer).

`python -m bench.peers_models.kserve_relu --http_port 8080 --enable_grpc false`, from the
KServe venv (.peers-venv/kserve); ModelServer reads its options from the command line.
"""

from __future__ import annotations

import numpy as np
from kserve import InferOutput, InferRequest, InferResponse, Model, ModelServer


class Relu(Model):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.load()

    async def predict(
        self,
        payload: InferRequest,
        headers: dict[str, str] | None = None,
        response_headers: dict[str, str] | None = None,
    ) -> InferResponse:
        x = payload.inputs[0].as_numpy().astype(np.float32, copy=False)
        y = np.maximum(x, 0)
        output = InferOutput(name="value", shape=list(y.shape), datatype="FP32", data=y)
        return InferResponse(
            response_id=payload.id or "",
            model_name=self.name,
            infer_outputs=[output],
            requested_outputs=payload.request_outputs,
        )


if __name__ == "__main__":
    ModelServer().start([Relu("relu")])

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_version_infer_json_inference_request_parameters import (
        ModelVersionInferJsonInferenceRequestParameters,
    )
    from ..models.model_version_infer_json_inference_request_requested_output import (
        ModelVersionInferJsonInferenceRequestRequestedOutput,
    )
    from ..models.model_version_infer_json_inference_request_tensor_input import (
        ModelVersionInferJsonInferenceRequestTensorInput,
    )


T = TypeVar("T", bound="ModelVersionInferJsonInferenceRequest")


@_attrs_define
class ModelVersionInferJsonInferenceRequest:
    """
    Attributes:
        inputs (list[ModelVersionInferJsonInferenceRequestTensorInput]):
        id (None | str | Unset):
        parameters (ModelVersionInferJsonInferenceRequestParameters | Unset):
        outputs (list[ModelVersionInferJsonInferenceRequestRequestedOutput] | None | Unset):
    """

    inputs: list[ModelVersionInferJsonInferenceRequestTensorInput]
    id: None | str | Unset = UNSET
    parameters: ModelVersionInferJsonInferenceRequestParameters | Unset = UNSET
    outputs: list[ModelVersionInferJsonInferenceRequestRequestedOutput] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        outputs: list[dict[str, Any]] | None | Unset
        if isinstance(self.outputs, Unset):
            outputs = UNSET
        elif isinstance(self.outputs, list):
            outputs = []
            for outputs_type_0_item_data in self.outputs:
                outputs_type_0_item = outputs_type_0_item_data.to_dict()
                outputs.append(outputs_type_0_item)

        else:
            outputs = self.outputs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inputs": inputs,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if outputs is not UNSET:
            field_dict["outputs"] = outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_version_infer_json_inference_request_parameters import (
            ModelVersionInferJsonInferenceRequestParameters,  # noqa: PLC0415
        )
        from ..models.model_version_infer_json_inference_request_requested_output import (
            ModelVersionInferJsonInferenceRequestRequestedOutput,  # noqa: PLC0415
        )
        from ..models.model_version_infer_json_inference_request_tensor_input import (
            ModelVersionInferJsonInferenceRequestTensorInput,  # noqa: PLC0415
        )

        d = dict(src_dict)
        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = ModelVersionInferJsonInferenceRequestTensorInput.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _parameters = d.pop("parameters", UNSET)
        parameters: ModelVersionInferJsonInferenceRequestParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ModelVersionInferJsonInferenceRequestParameters.from_dict(_parameters)

        def _parse_outputs(data: object) -> list[ModelVersionInferJsonInferenceRequestRequestedOutput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outputs_type_0 = []
                _outputs_type_0 = data
                for outputs_type_0_item_data in _outputs_type_0:
                    outputs_type_0_item = ModelVersionInferJsonInferenceRequestRequestedOutput.from_dict(
                        outputs_type_0_item_data
                    )

                    outputs_type_0.append(outputs_type_0_item)

                return outputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ModelVersionInferJsonInferenceRequestRequestedOutput] | None | Unset, data)

        outputs = _parse_outputs(d.pop("outputs", UNSET))

        model_version_infer_json_inference_request = cls(
            inputs=inputs,
            id=id,
            parameters=parameters,
            outputs=outputs,
        )

        model_version_infer_json_inference_request.additional_properties = d
        return model_version_infer_json_inference_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

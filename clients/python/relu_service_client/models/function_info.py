from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.function_info_param_values import FunctionInfoParamValues
    from ..models.function_info_presets import FunctionInfoPresets
    from ..models.kink_info import KinkInfo
    from ..models.param_info import ParamInfo


T = TypeVar("T", bound="FunctionInfo")


@_attrs_define
class FunctionInfo:
    """
    Attributes:
        name (str):
        title (str):
        formula (str):
        latex (str):
        convex (bool):
        params (list[ParamInfo]):
        param_values (FunctionInfoParamValues):
        kinks (list[KinkInfo]):
        presets (FunctionInfoPresets):
    """

    name: str
    title: str
    formula: str
    latex: str
    convex: bool
    params: list[ParamInfo]
    param_values: FunctionInfoParamValues
    kinks: list[KinkInfo]
    presets: FunctionInfoPresets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        formula = self.formula

        latex = self.latex

        convex = self.convex

        params = []
        for params_item_data in self.params:
            params_item = params_item_data.to_dict()
            params.append(params_item)

        param_values = self.param_values.to_dict()

        kinks = []
        for kinks_item_data in self.kinks:
            kinks_item = kinks_item_data.to_dict()
            kinks.append(kinks_item)

        presets = self.presets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "formula": formula,
                "latex": latex,
                "convex": convex,
                "params": params,
                "param_values": param_values,
                "kinks": kinks,
                "presets": presets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.function_info_param_values import FunctionInfoParamValues  # noqa: PLC0415
        from ..models.function_info_presets import FunctionInfoPresets  # noqa: PLC0415
        from ..models.kink_info import KinkInfo  # noqa: PLC0415
        from ..models.param_info import ParamInfo  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        formula = d.pop("formula")

        latex = d.pop("latex")

        convex = d.pop("convex")

        params = []
        _params = d.pop("params")
        for params_item_data in _params:
            params_item = ParamInfo.from_dict(params_item_data)

            params.append(params_item)

        param_values = FunctionInfoParamValues.from_dict(d.pop("param_values"))

        kinks = []
        _kinks = d.pop("kinks")
        for kinks_item_data in _kinks:
            kinks_item = KinkInfo.from_dict(kinks_item_data)

            kinks.append(kinks_item)

        presets = FunctionInfoPresets.from_dict(d.pop("presets"))

        function_info = cls(
            name=name,
            title=title,
            formula=formula,
            latex=latex,
            convex=convex,
            params=params,
            param_values=param_values,
            kinks=kinks,
            presets=presets,
        )

        function_info.additional_properties = d
        return function_info

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

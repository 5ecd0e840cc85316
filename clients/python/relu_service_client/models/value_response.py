from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.value_response_dtype import ValueResponseDtype, check_value_response_dtype
from ..models.value_response_value_type_1 import ValueResponseValueType1, check_value_response_value_type_1

if TYPE_CHECKING:
    from ..models.value_response_params import ValueResponseParams


T = TypeVar("T", bound="ValueResponse")


@_attrs_define
class ValueResponse:
    """
    Attributes:
        function (str):
        params (ValueResponseParams):
        dtype (ValueResponseDtype):
        shape (list[int]):
        value (float | list[Any] | ValueResponseValueType1): A number or a rectangular nested array of numbers, of any
            rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
    """

    function: str
    params: ValueResponseParams
    dtype: ValueResponseDtype
    shape: list[int]
    value: float | list[Any] | ValueResponseValueType1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        function = self.function

        params = self.params.to_dict()

        dtype: str = self.dtype

        shape = self.shape

        value: float | list[Any] | str
        if isinstance(self.value, str):
            value = self.value
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "function": function,
                "params": params,
                "dtype": dtype,
                "shape": shape,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.value_response_params import ValueResponseParams  # noqa: PLC0415

        d = dict(src_dict)
        function = d.pop("function")

        params = ValueResponseParams.from_dict(d.pop("params"))

        dtype = check_value_response_dtype(d.pop("dtype"))

        shape = cast(list[int], d.pop("shape"))

        def _parse_value(data: object) -> float | list[Any] | ValueResponseValueType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                value_type_1 = check_value_response_value_type_1(data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_2 = cast(list[Any], data)

                return value_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | ValueResponseValueType1, data)

        value = _parse_value(d.pop("value"))

        value_response = cls(
            function=function,
            params=params,
            dtype=dtype,
            shape=shape,
            value=value,
        )

        value_response.additional_properties = d
        return value_response

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FrameworkResult")


@_attrs_define
class FrameworkResult:
    """
    Attributes:
        ops (None | str): the program written with the framework's ops
        value (list[float | None | str] | None): the framework's forward value
        derivative (list[float | None | str] | None): what its reverse-mode autodiff returns
        in_subdifferential (list[bool | None] | None): whether the derivative lies in [lower, upper]; null where there
            is none
        error (None | str): why there is no result (no op, no derivative)
    """

    ops: None | str
    value: list[float | None | str] | None
    derivative: list[float | None | str] | None
    in_subdifferential: list[bool | None] | None
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ops: None | str
        ops = self.ops

        value: list[float | None | str] | None
        if isinstance(self.value, list):
            value = []
            for value_type_0_item_data in self.value:
                value_type_0_item: float | None | str
                value_type_0_item = value_type_0_item_data
                value.append(value_type_0_item)

        else:
            value = self.value

        derivative: list[float | None | str] | None
        if isinstance(self.derivative, list):
            derivative = []
            for derivative_type_0_item_data in self.derivative:
                derivative_type_0_item: float | None | str
                derivative_type_0_item = derivative_type_0_item_data
                derivative.append(derivative_type_0_item)

        else:
            derivative = self.derivative

        in_subdifferential: list[bool | None] | None
        if isinstance(self.in_subdifferential, list):
            in_subdifferential = []
            for in_subdifferential_type_0_item_data in self.in_subdifferential:
                in_subdifferential_type_0_item: bool | None
                in_subdifferential_type_0_item = in_subdifferential_type_0_item_data
                in_subdifferential.append(in_subdifferential_type_0_item)

        else:
            in_subdifferential = self.in_subdifferential

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ops": ops,
                "value": value,
                "derivative": derivative,
                "in_subdifferential": in_subdifferential,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ops(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ops = _parse_ops(d.pop("ops"))

        def _parse_value(data: object) -> list[float | None | str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_0 = []
                _value_type_0 = data
                for value_type_0_item_data in _value_type_0:

                    def _parse_value_type_0_item(data: object) -> float | None | str:
                        if data is None:
                            return data
                        return cast(float | None | str, data)

                    value_type_0_item = _parse_value_type_0_item(value_type_0_item_data)

                    value_type_0.append(value_type_0_item)

                return value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None | str] | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_derivative(data: object) -> list[float | None | str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                derivative_type_0 = []
                _derivative_type_0 = data
                for derivative_type_0_item_data in _derivative_type_0:

                    def _parse_derivative_type_0_item(data: object) -> float | None | str:
                        if data is None:
                            return data
                        return cast(float | None | str, data)

                    derivative_type_0_item = _parse_derivative_type_0_item(derivative_type_0_item_data)

                    derivative_type_0.append(derivative_type_0_item)

                return derivative_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None | str] | None, data)

        derivative = _parse_derivative(d.pop("derivative"))

        def _parse_in_subdifferential(data: object) -> list[bool | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                in_subdifferential_type_0 = []
                _in_subdifferential_type_0 = data
                for in_subdifferential_type_0_item_data in _in_subdifferential_type_0:

                    def _parse_in_subdifferential_type_0_item(data: object) -> bool | None:
                        if data is None:
                            return data
                        return cast(bool | None, data)

                    in_subdifferential_type_0_item = _parse_in_subdifferential_type_0_item(
                        in_subdifferential_type_0_item_data
                    )

                    in_subdifferential_type_0.append(in_subdifferential_type_0_item)

                return in_subdifferential_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[bool | None] | None, data)

        in_subdifferential = _parse_in_subdifferential(d.pop("in_subdifferential"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        framework_result = cls(
            ops=ops,
            value=value,
            derivative=derivative,
            in_subdifferential=in_subdifferential,
            error=error,
        )

        framework_result.additional_properties = d
        return framework_result

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

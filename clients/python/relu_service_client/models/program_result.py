from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_result_dtype import ProgramResultDtype, check_program_result_dtype

if TYPE_CHECKING:
    from ..models.program_result_frameworks import ProgramResultFrameworks


T = TypeVar("T", bound="ProgramResult")


@_attrs_define
class ProgramResult:
    """
    Attributes:
        program (str): the program's canonical text
        dtype (ProgramResultDtype):
        x (list[float | None | str]): numbers; non-finite ones are "NaN", "Infinity" and "-Infinity"
        value (list[float | None | str]): the true value
        left (list[float | None | str]): the true left derivative; NaN where none exists
        right (list[float | None | str]): the true right derivative; NaN where none exists
        lower (list[float | None | str]): the Clarke subdifferential's lower end
        upper (list[float | None | str]): the Clarke subdifferential's upper end
        frameworks (ProgramResultFrameworks):
    """

    program: str
    dtype: ProgramResultDtype
    x: list[float | None | str]
    value: list[float | None | str]
    left: list[float | None | str]
    right: list[float | None | str]
    lower: list[float | None | str]
    upper: list[float | None | str]
    frameworks: ProgramResultFrameworks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        program = self.program

        dtype: str = self.dtype

        x = []
        for x_item_data in self.x:
            x_item: float | None | str
            x_item = x_item_data
            x.append(x_item)

        value = []
        for value_item_data in self.value:
            value_item: float | None | str
            value_item = value_item_data
            value.append(value_item)

        left = []
        for left_item_data in self.left:
            left_item: float | None | str
            left_item = left_item_data
            left.append(left_item)

        right = []
        for right_item_data in self.right:
            right_item: float | None | str
            right_item = right_item_data
            right.append(right_item)

        lower = []
        for lower_item_data in self.lower:
            lower_item: float | None | str
            lower_item = lower_item_data
            lower.append(lower_item)

        upper = []
        for upper_item_data in self.upper:
            upper_item: float | None | str
            upper_item = upper_item_data
            upper.append(upper_item)

        frameworks = self.frameworks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "program": program,
                "dtype": dtype,
                "x": x,
                "value": value,
                "left": left,
                "right": right,
                "lower": lower,
                "upper": upper,
                "frameworks": frameworks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.program_result_frameworks import ProgramResultFrameworks  # noqa: PLC0415

        d = dict(src_dict)
        program = d.pop("program")

        dtype = check_program_result_dtype(d.pop("dtype"))

        x = []
        _x = d.pop("x")
        for x_item_data in _x:

            def _parse_x_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            x_item = _parse_x_item(x_item_data)

            x.append(x_item)

        value = []
        _value = d.pop("value")
        for value_item_data in _value:

            def _parse_value_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            value_item = _parse_value_item(value_item_data)

            value.append(value_item)

        left = []
        _left = d.pop("left")
        for left_item_data in _left:

            def _parse_left_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            left_item = _parse_left_item(left_item_data)

            left.append(left_item)

        right = []
        _right = d.pop("right")
        for right_item_data in _right:

            def _parse_right_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            right_item = _parse_right_item(right_item_data)

            right.append(right_item)

        lower = []
        _lower = d.pop("lower")
        for lower_item_data in _lower:

            def _parse_lower_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            lower_item = _parse_lower_item(lower_item_data)

            lower.append(lower_item)

        upper = []
        _upper = d.pop("upper")
        for upper_item_data in _upper:

            def _parse_upper_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            upper_item = _parse_upper_item(upper_item_data)

            upper.append(upper_item)

        frameworks = ProgramResultFrameworks.from_dict(d.pop("frameworks"))

        program_result = cls(
            program=program,
            dtype=dtype,
            x=x,
            value=value,
            left=left,
            right=right,
            lower=lower,
            upper=upper,
            frameworks=frameworks,
        )

        program_result.additional_properties = d
        return program_result

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

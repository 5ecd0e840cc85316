from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evaluate_program_program_request_dtype import (
    EvaluateProgramProgramRequestDtype,
    check_evaluate_program_program_request_dtype,
)
from ..models.evaluate_program_program_request_frameworks_item import (
    EvaluateProgramProgramRequestFrameworksItem,
    check_evaluate_program_program_request_frameworks_item,
)
from ..models.evaluate_program_program_request_x_item_type_1 import (
    EvaluateProgramProgramRequestXItemType1,
    check_evaluate_program_program_request_x_item_type_1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluateProgramProgramRequest")


@_attrs_define
class EvaluateProgramProgramRequest:
    """
    Attributes:
        program (str): one expression in x, e.g. relu(x) - relu(-x); see GET /v1/programs/examples. Its calls of exp,
            log, sin, cos, sqrt, softplus and powers times the points are at most 40,000
        x (list[EvaluateProgramProgramRequestXItemType1 | float]): the points
        dtype (EvaluateProgramProgramRequestDtype | Unset): element type of x and of every output Default: 'float64'.
        frameworks (list[EvaluateProgramProgramRequestFrameworksItem] | Unset): whose autodiff to run
    """

    program: str
    x: list[EvaluateProgramProgramRequestXItemType1 | float]
    dtype: EvaluateProgramProgramRequestDtype | Unset = "float64"
    frameworks: list[EvaluateProgramProgramRequestFrameworksItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        program = self.program

        x = []
        for x_item_data in self.x:
            x_item: float | str
            if isinstance(x_item_data, str):
                x_item = x_item_data
            else:
                x_item = x_item_data
            x.append(x_item)

        dtype: str | Unset = UNSET
        if not isinstance(self.dtype, Unset):
            dtype = self.dtype

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = []
            for frameworks_item_data in self.frameworks:
                frameworks_item: str = frameworks_item_data
                frameworks.append(frameworks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "program": program,
                "x": x,
            }
        )
        if dtype is not UNSET:
            field_dict["dtype"] = dtype
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        program = d.pop("program")

        x = []
        _x = d.pop("x")
        for x_item_data in _x:

            def _parse_x_item(data: object) -> EvaluateProgramProgramRequestXItemType1 | float:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    x_item_type_1 = check_evaluate_program_program_request_x_item_type_1(data)

                    return x_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(EvaluateProgramProgramRequestXItemType1 | float, data)

            x_item = _parse_x_item(x_item_data)

            x.append(x_item)

        _dtype = d.pop("dtype", UNSET)
        dtype: EvaluateProgramProgramRequestDtype | Unset
        if isinstance(_dtype, Unset):
            dtype = UNSET
        else:
            dtype = check_evaluate_program_program_request_dtype(_dtype)

        _frameworks = d.pop("frameworks", UNSET)
        frameworks: list[EvaluateProgramProgramRequestFrameworksItem] | Unset = UNSET
        if _frameworks is not UNSET:
            frameworks = []
            for frameworks_item_data in _frameworks:
                frameworks_item = check_evaluate_program_program_request_frameworks_item(frameworks_item_data)

                frameworks.append(frameworks_item)

        evaluate_program_program_request = cls(
            program=program,
            x=x,
            dtype=dtype,
            frameworks=frameworks,
        )

        return evaluate_program_program_request

"""Contains all the data models used in inputs/outputs"""

from .answer_result import AnswerResult
from .answer_submit import AnswerSubmit
from .dot import Dot
from .evaluate_program_program_request import EvaluateProgramProgramRequest
from .evaluate_program_program_request_dtype import EvaluateProgramProgramRequestDtype
from .evaluate_program_program_request_frameworks_item import EvaluateProgramProgramRequestFrameworksItem
from .evaluate_program_program_request_x_item_type_1 import EvaluateProgramProgramRequestXItemType1
from .evaluate_subgradient_convention_type_0 import EvaluateSubgradientConventionType0
from .evaluate_subgradient_dtype_type_0 import EvaluateSubgradientDtypeType0
from .evaluate_subgradient_emulate_type_0 import EvaluateSubgradientEmulateType0
from .evaluate_subgradient_json_subgradient_request import EvaluateSubgradientJsonSubgradientRequest
from .evaluate_subgradient_json_subgradient_request_convention_type_0 import (
    EvaluateSubgradientJsonSubgradientRequestConventionType0,
)
from .evaluate_subgradient_json_subgradient_request_dtype import EvaluateSubgradientJsonSubgradientRequestDtype
from .evaluate_subgradient_json_subgradient_request_emulate_type_0 import (
    EvaluateSubgradientJsonSubgradientRequestEmulateType0,
)
from .evaluate_subgradient_json_subgradient_request_mode import EvaluateSubgradientJsonSubgradientRequestMode
from .evaluate_subgradient_json_subgradient_request_params import EvaluateSubgradientJsonSubgradientRequestParams
from .evaluate_subgradient_json_subgradient_request_x_type_1 import EvaluateSubgradientJsonSubgradientRequestXType1
from .evaluate_subgradient_mode_type_0 import EvaluateSubgradientModeType0
from .evaluate_subgradient_name import EvaluateSubgradientName
from .evaluate_value_dtype_type_0 import EvaluateValueDtypeType0
from .evaluate_value_emulate_type_0 import EvaluateValueEmulateType0
from .evaluate_value_json_value_request import EvaluateValueJsonValueRequest
from .evaluate_value_json_value_request_dtype import EvaluateValueJsonValueRequestDtype
from .evaluate_value_json_value_request_emulate_type_0 import EvaluateValueJsonValueRequestEmulateType0
from .evaluate_value_json_value_request_params import EvaluateValueJsonValueRequestParams
from .evaluate_value_json_value_request_x_type_1 import EvaluateValueJsonValueRequestXType1
from .evaluate_value_name import EvaluateValueName
from .evidence import Evidence
from .example_info import ExampleInfo
from .exported_attempt import ExportedAttempt
from .exported_attempt_response import ExportedAttemptResponse
from .exported_quiz import ExportedQuiz
from .framework_result import FrameworkResult
from .function_graphs import FunctionGraphs
from .function_info import FunctionInfo
from .function_info_param_values import FunctionInfoParamValues
from .function_info_presets import FunctionInfoPresets
from .get_function_graph_name import GetFunctionGraphName
from .get_function_name import GetFunctionName
from .get_problem_type_slug import GetProblemTypeSlug
from .grade import Grade
from .grade_status import GradeStatus
from .graded_try import GradedTry
from .graph import Graph
from .health_response_health import HealthResponseHealth
from .hint_request import HintRequest
from .hint_result import HintResult
from .inference_error import InferenceError
from .interval_response import IntervalResponse
from .item_info import ItemInfo
from .item_info_type import ItemInfoType
from .item_page import ItemPage
from .item_state import ItemState
from .item_state_type_type_0 import ItemStateTypeType0
from .item_stats import ItemStats
from .key_set import KeySet
from .kink_info import KinkInfo
from .kink_info_conventions import KinkInfoConventions
from .learner_created import LearnerCreated
from .learner_export import LearnerExport
from .list_lti_grades_status_type_0 import ListLtiGradesStatusType0
from .misconception_count import MisconceptionCount
from .misconception_info import MisconceptionInfo
from .misconception_progress import MisconceptionProgress
from .model_infer_json_inference_request import ModelInferJsonInferenceRequest
from .model_infer_json_inference_request_parameters import ModelInferJsonInferenceRequestParameters
from .model_infer_json_inference_request_requested_output import ModelInferJsonInferenceRequestRequestedOutput
from .model_infer_json_inference_request_requested_output_parameters import (
    ModelInferJsonInferenceRequestRequestedOutputParameters,
)
from .model_infer_json_inference_request_tensor_input import ModelInferJsonInferenceRequestTensorInput
from .model_infer_json_inference_request_tensor_input_parameters import (
    ModelInferJsonInferenceRequestTensorInputParameters,
)
from .model_infer_name import ModelInferName
from .model_metadata_name import ModelMetadataName
from .model_metadata_response_modelmetadata import ModelMetadataResponseModelmetadata
from .model_ready_name import ModelReadyName
from .model_ready_response_modelready import ModelReadyResponseModelready
from .model_statistics_name import ModelStatisticsName
from .model_statistics_response_modelstatistics import ModelStatisticsResponseModelstatistics
from .model_version_infer_json_inference_request import ModelVersionInferJsonInferenceRequest
from .model_version_infer_json_inference_request_parameters import ModelVersionInferJsonInferenceRequestParameters
from .model_version_infer_json_inference_request_requested_output import (
    ModelVersionInferJsonInferenceRequestRequestedOutput,
)
from .model_version_infer_json_inference_request_requested_output_parameters import (
    ModelVersionInferJsonInferenceRequestRequestedOutputParameters,
)
from .model_version_infer_json_inference_request_tensor_input import ModelVersionInferJsonInferenceRequestTensorInput
from .model_version_infer_json_inference_request_tensor_input_parameters import (
    ModelVersionInferJsonInferenceRequestTensorInputParameters,
)
from .model_version_infer_name import ModelVersionInferName
from .model_version_infer_version import ModelVersionInferVersion
from .model_version_metadata_name import ModelVersionMetadataName
from .model_version_metadata_response_modelversionmetadata import ModelVersionMetadataResponseModelversionmetadata
from .model_version_metadata_version import ModelVersionMetadataVersion
from .model_version_ready_name import ModelVersionReadyName
from .model_version_ready_response_modelversionready import ModelVersionReadyResponseModelversionready
from .model_version_ready_version import ModelVersionReadyVersion
from .model_version_statistics_name import ModelVersionStatisticsName
from .model_version_statistics_response_modelversionstatistics import (
    ModelVersionStatisticsResponseModelversionstatistics,
)
from .model_version_statistics_version import ModelVersionStatisticsVersion
from .multiple_choice_response import MultipleChoiceResponse
from .numeric_response import NumericResponse
from .one_sided_pair_response import OneSidedPairResponse
from .param_info import ParamInfo
from .platform import Platform
from .platform_registration import PlatformRegistration
from .point_set_response import PointSetResponse
from .practice_create import PracticeCreate
from .practice_created import PracticeCreated
from .practice_created_reveal import PracticeCreatedReveal
from .practice_next import PracticeNext
from .practice_next_reason import PracticeNextReason
from .preset_info import PresetInfo
from .problem import Problem
from .problem_error import ProblemError
from .problem_type import ProblemType
from .program_result import ProgramResult
from .program_result_dtype import ProgramResultDtype
from .program_result_frameworks import ProgramResultFrameworks
from .progress import Progress
from .public_choice import PublicChoice
from .public_function import PublicFunction
from .public_function_params import PublicFunctionParams
from .public_hint import PublicHint
from .public_item import PublicItem
from .public_item_type import PublicItemType
from .public_key import PublicKey
from .quiz_create import QuizCreate
from .quiz_create_reveal_type_0 import QuizCreateRevealType0
from .quiz_created import QuizCreated
from .quiz_created_reveal import QuizCreatedReveal
from .quiz_defaults import QuizDefaults
from .quiz_defaults_reveal import QuizDefaultsReveal
from .quiz_state import QuizState
from .quiz_state_reveal import QuizStateReveal
from .quiz_state_status import QuizStateStatus
from .quiz_summary import QuizSummary
from .quiz_summary_reveal import QuizSummaryReveal
from .quotient import Quotient
from .relu_subgradient_convention_type_0 import ReluSubgradientConventionType0
from .relu_subgradient_dtype_type_0 import ReluSubgradientDtypeType0
from .relu_subgradient_emulate_type_0 import ReluSubgradientEmulateType0
from .relu_subgradient_json_relu_subgradient_request import ReluSubgradientJsonReluSubgradientRequest
from .relu_subgradient_json_relu_subgradient_request_convention_type_0 import (
    ReluSubgradientJsonReluSubgradientRequestConventionType0,
)
from .relu_subgradient_json_relu_subgradient_request_dtype import ReluSubgradientJsonReluSubgradientRequestDtype
from .relu_subgradient_json_relu_subgradient_request_emulate_type_0 import (
    ReluSubgradientJsonReluSubgradientRequestEmulateType0,
)
from .relu_subgradient_json_relu_subgradient_request_mode import ReluSubgradientJsonReluSubgradientRequestMode
from .relu_subgradient_json_relu_subgradient_request_params import ReluSubgradientJsonReluSubgradientRequestParams
from .relu_subgradient_json_relu_subgradient_request_x_type_1 import ReluSubgradientJsonReluSubgradientRequestXType1
from .relu_subgradient_mode_type_0 import ReluSubgradientModeType0
from .relu_value_dtype_type_0 import ReluValueDtypeType0
from .relu_value_emulate_type_0 import ReluValueEmulateType0
from .relu_value_json_value_request import ReluValueJsonValueRequest
from .relu_value_json_value_request_dtype import ReluValueJsonValueRequestDtype
from .relu_value_json_value_request_emulate_type_0 import ReluValueJsonValueRequestEmulateType0
from .relu_value_json_value_request_params import ReluValueJsonValueRequestParams
from .relu_value_json_value_request_x_type_1 import ReluValueJsonValueRequestXType1
from .repository_index_repository_index_request import RepositoryIndexRepositoryIndexRequest
from .repository_index_response_200_item import RepositoryIndexResponse200Item
from .review import Review
from .segment import Segment
from .server_live_response_serverlive import ServerLiveResponseServerlive
from .server_metadata_response_servermetadata import ServerMetadataResponseServermetadata
from .server_ready_response_serverready import ServerReadyResponseServerready
from .server_statistics_response_serverstatistics import ServerStatisticsResponseServerstatistics
from .service_config import ServiceConfig
from .single_choice_response import SingleChoiceResponse
from .subgradient_response import SubgradientResponse
from .subgradient_response_convention_type_0 import SubgradientResponseConventionType0
from .subgradient_response_dtype import SubgradientResponseDtype
from .subgradient_response_left_type_1 import SubgradientResponseLeftType1
from .subgradient_response_lower_type_1 import SubgradientResponseLowerType1
from .subgradient_response_mode import SubgradientResponseMode
from .subgradient_response_params import SubgradientResponseParams
from .subgradient_response_right_type_1 import SubgradientResponseRightType1
from .subgradient_response_subgradient_type_1 import SubgradientResponseSubgradientType1
from .subgradient_response_upper_type_1 import SubgradientResponseUpperType1
from .topic_info import TopicInfo
from .topic_progress import TopicProgress
from .topic_progress_mastery import TopicProgressMastery
from .topic_score import TopicScore
from .true_false_response import TrueFalseResponse
from .value_response import ValueResponse
from .value_response_dtype import ValueResponseDtype
from .value_response_params import ValueResponseParams
from .value_response_value_type_1 import ValueResponseValueType1
from .vector_response import VectorResponse

__all__ = (
    "AnswerResult",
    "AnswerSubmit",
    "Dot",
    "EvaluateProgramProgramRequest",
    "EvaluateProgramProgramRequestDtype",
    "EvaluateProgramProgramRequestFrameworksItem",
    "EvaluateProgramProgramRequestXItemType1",
    "EvaluateSubgradientConventionType0",
    "EvaluateSubgradientDtypeType0",
    "EvaluateSubgradientEmulateType0",
    "EvaluateSubgradientJsonSubgradientRequest",
    "EvaluateSubgradientJsonSubgradientRequestConventionType0",
    "EvaluateSubgradientJsonSubgradientRequestDtype",
    "EvaluateSubgradientJsonSubgradientRequestEmulateType0",
    "EvaluateSubgradientJsonSubgradientRequestMode",
    "EvaluateSubgradientJsonSubgradientRequestParams",
    "EvaluateSubgradientJsonSubgradientRequestXType1",
    "EvaluateSubgradientModeType0",
    "EvaluateSubgradientName",
    "EvaluateValueDtypeType0",
    "EvaluateValueEmulateType0",
    "EvaluateValueJsonValueRequest",
    "EvaluateValueJsonValueRequestDtype",
    "EvaluateValueJsonValueRequestEmulateType0",
    "EvaluateValueJsonValueRequestParams",
    "EvaluateValueJsonValueRequestXType1",
    "EvaluateValueName",
    "Evidence",
    "ExampleInfo",
    "ExportedAttempt",
    "ExportedAttemptResponse",
    "ExportedQuiz",
    "FrameworkResult",
    "FunctionGraphs",
    "FunctionInfo",
    "FunctionInfoParamValues",
    "FunctionInfoPresets",
    "GetFunctionGraphName",
    "GetFunctionName",
    "GetProblemTypeSlug",
    "Grade",
    "GradedTry",
    "GradeStatus",
    "Graph",
    "HealthResponseHealth",
    "HintRequest",
    "HintResult",
    "InferenceError",
    "IntervalResponse",
    "ItemInfo",
    "ItemInfoType",
    "ItemPage",
    "ItemState",
    "ItemStateTypeType0",
    "ItemStats",
    "KeySet",
    "KinkInfo",
    "KinkInfoConventions",
    "LearnerCreated",
    "LearnerExport",
    "ListLtiGradesStatusType0",
    "MisconceptionCount",
    "MisconceptionInfo",
    "MisconceptionProgress",
    "ModelInferJsonInferenceRequest",
    "ModelInferJsonInferenceRequestParameters",
    "ModelInferJsonInferenceRequestRequestedOutput",
    "ModelInferJsonInferenceRequestRequestedOutputParameters",
    "ModelInferJsonInferenceRequestTensorInput",
    "ModelInferJsonInferenceRequestTensorInputParameters",
    "ModelInferName",
    "ModelMetadataName",
    "ModelMetadataResponseModelmetadata",
    "ModelReadyName",
    "ModelReadyResponseModelready",
    "ModelStatisticsName",
    "ModelStatisticsResponseModelstatistics",
    "ModelVersionInferJsonInferenceRequest",
    "ModelVersionInferJsonInferenceRequestParameters",
    "ModelVersionInferJsonInferenceRequestRequestedOutput",
    "ModelVersionInferJsonInferenceRequestRequestedOutputParameters",
    "ModelVersionInferJsonInferenceRequestTensorInput",
    "ModelVersionInferJsonInferenceRequestTensorInputParameters",
    "ModelVersionInferName",
    "ModelVersionInferVersion",
    "ModelVersionMetadataName",
    "ModelVersionMetadataResponseModelversionmetadata",
    "ModelVersionMetadataVersion",
    "ModelVersionReadyName",
    "ModelVersionReadyResponseModelversionready",
    "ModelVersionReadyVersion",
    "ModelVersionStatisticsName",
    "ModelVersionStatisticsResponseModelversionstatistics",
    "ModelVersionStatisticsVersion",
    "MultipleChoiceResponse",
    "NumericResponse",
    "OneSidedPairResponse",
    "ParamInfo",
    "Platform",
    "PlatformRegistration",
    "PointSetResponse",
    "PracticeCreate",
    "PracticeCreated",
    "PracticeCreatedReveal",
    "PracticeNext",
    "PracticeNextReason",
    "PresetInfo",
    "Problem",
    "ProblemError",
    "ProblemType",
    "ProgramResult",
    "ProgramResultDtype",
    "ProgramResultFrameworks",
    "Progress",
    "PublicChoice",
    "PublicFunction",
    "PublicFunctionParams",
    "PublicHint",
    "PublicItem",
    "PublicItemType",
    "PublicKey",
    "QuizCreate",
    "QuizCreated",
    "QuizCreatedReveal",
    "QuizCreateRevealType0",
    "QuizDefaults",
    "QuizDefaultsReveal",
    "QuizState",
    "QuizStateReveal",
    "QuizStateStatus",
    "QuizSummary",
    "QuizSummaryReveal",
    "Quotient",
    "ReluSubgradientConventionType0",
    "ReluSubgradientDtypeType0",
    "ReluSubgradientEmulateType0",
    "ReluSubgradientJsonReluSubgradientRequest",
    "ReluSubgradientJsonReluSubgradientRequestConventionType0",
    "ReluSubgradientJsonReluSubgradientRequestDtype",
    "ReluSubgradientJsonReluSubgradientRequestEmulateType0",
    "ReluSubgradientJsonReluSubgradientRequestMode",
    "ReluSubgradientJsonReluSubgradientRequestParams",
    "ReluSubgradientJsonReluSubgradientRequestXType1",
    "ReluSubgradientModeType0",
    "ReluValueDtypeType0",
    "ReluValueEmulateType0",
    "ReluValueJsonValueRequest",
    "ReluValueJsonValueRequestDtype",
    "ReluValueJsonValueRequestEmulateType0",
    "ReluValueJsonValueRequestParams",
    "ReluValueJsonValueRequestXType1",
    "RepositoryIndexRepositoryIndexRequest",
    "RepositoryIndexResponse200Item",
    "Review",
    "Segment",
    "ServerLiveResponseServerlive",
    "ServerMetadataResponseServermetadata",
    "ServerReadyResponseServerready",
    "ServerStatisticsResponseServerstatistics",
    "ServiceConfig",
    "SingleChoiceResponse",
    "SubgradientResponse",
    "SubgradientResponseConventionType0",
    "SubgradientResponseDtype",
    "SubgradientResponseLeftType1",
    "SubgradientResponseLowerType1",
    "SubgradientResponseMode",
    "SubgradientResponseParams",
    "SubgradientResponseRightType1",
    "SubgradientResponseSubgradientType1",
    "SubgradientResponseUpperType1",
    "TopicInfo",
    "TopicProgress",
    "TopicProgressMastery",
    "TopicScore",
    "TrueFalseResponse",
    "ValueResponse",
    "ValueResponseDtype",
    "ValueResponseParams",
    "ValueResponseValueType1",
    "VectorResponse",
)

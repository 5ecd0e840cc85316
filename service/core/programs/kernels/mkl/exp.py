"""MKL's exp (vsExp and vdExp with VML_HA, the AVX-512 kernels), and vdexp_cout_rare, the
scalar path both take for large |x|, infinities and NaN."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.fused import (
    exact_product_error,
    from_bits,
    from_bits32,
    hex_words,
    quick_fma,
)
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32, F64, U64 = np.float32, np.float64, np.uint64

# vsexp_data_avx512: 2^(j/32)'s remainder (as a fraction of it), then 2^(j/32), float32.
_SEXP = hex_words(
    "00000000 b34a3a0a 3346cb6a b36ed17e b24e0611 b3517dd9 334b2482 b31586de "
    "33092801 b2e6f467 331b85f2 3099b6f1 b3051aa8 b2e2a0da b2006c56 b3365942 "
    "329302ae 32c595dc b302e5a2 b28e10a1 31b3d0e5 b31a472b 31d1daf2 b305bf64 "
    "b27ce182 b2f26443 b1b4b0da b1da8a8f b1d290be b2d5b899 31b0a147 b2156afc "
    "3f800000 3f82cd87 3f85aac3 3f88980f 3f8b95c2 3f8ea43a 3f91c3d3 3f94f4f0 "
    "3f9837f0 3f9b8d3a 3f9ef532 3fa27043 3fa5fed7 3fa9a15b 3fad583f 3fb123f6 "
    "3fb504f3 3fb8fbaf 3fbd08a4 3fc12c4d 3fc5672a 3fc9b9be 3fce248c 3fd2a81e "
    "3fd744fd 3fdbfbb8 3fe0ccdf 3fe5b907 3feac0c7 3fefe4ba 3ff5257d 3ffa83b3 ",
    F32,
)
_SEXP_LOW, _SEXP_HIGH = _SEXP[:32], _SEXP[32:]
_SEXP_LOG2E, _SEXP_LN2_HIGH, _SEXP_LN2_LOW = (
    from_bits32(0x3FB8AA3B),
    from_bits32(0x3F317218),
    from_bits32(0x3102E308),
)
_SEXP_C3, _SEXP_C2 = from_bits32(0x3E2AABF3), from_bits32(0x3F0000F6)
_SEXP_RARE = from_bits32(0x42AEAC4F)
_SEXP_OVER, _SEXP_UNDER = from_bits32(0x42B17217), from_bits32(0xC2CFF1B4)


def exp32(x: Array) -> Array:
    """mkl_vml_kernel_sExp_Z0HAynn: k = x log2(e) rounded down to 1/32 (an FMA towards zero
    onto a shifter), r = x - k ln2 in two FMAs, 2^k from a table of 2^(j/32) and scalef,
    a degree-3 polynomial; |x| >= 87.34 goes through vsexp_cout_rare."""
    x = np.asarray(x, F32)
    with np.errstate(all="ignore"):
        k = np.floor(x.astype(F64) * F64(_SEXP_LOG2E) * 32)  # the product is exact
        steps = np.where(np.isfinite(k), k, 0).astype(np.int64)
        j = steps & 31
        n = (k / 32).astype(F32)
        # x - n ln2_high is exact in float64 (n has 12 bits, the constant 24).
        r = (x - n.astype(F64) * F64(_SEXP_LN2_HIGH)).astype(F32)
        r = fma(n, np.full_like(r, _SEXP_LN2_LOW), r)
        p = fma(r, np.full_like(r, _SEXP_C3), np.full_like(r, _SEXP_C2))
        a = _SEXP_LOW[j] + r
        a = fma(p, r * r, a)
        scale = np.ldexp(_SEXP_HIGH[j], (steps >> 5).astype(np.int32)).astype(F32)
        result = fma(a, scale, scale)
        rare = ~(np.abs(x) < _SEXP_RARE)
        if rare.any():
            result[rare] = _exp_rare(x[rare].astype(F64), single=True).astype(F32)
    return result


# vdexp_data_avx512: 2^(j/16) and its remainder, float64.
_DEXP = hex_words(
    "3ff0000000000000 3ff0b5586cf9890f 3ff172b83c7d517b 3ff2387a6e756238 "
    "3ff306fe0a31b715 3ff3dea64c123422 3ff4bfdad5362a27 3ff5ab07dd485429 "
    "3ff6a09e667f3bcd 3ff7a11473eb0187 3ff8ace5422aa0db 3ff9c49182a3f090 "
    "3ffae89f995ad3ad 3ffc199bdd85529c 3ffd5818dcfba487 3ffea4afa2a490da "
    "0000000000000000 3c979aa65d837b6d bc801b15eaa59348 3c968efde3a8a894 "
    "3c834d754db0abb6 3c859f48a72a4c6d 3c7690cebb7aafb0 3c9063e1e21c5409 "
    "bc93b3efbf5e2228 bc7b32dcb94da51d 3c8db72fc1f0eab4 3c71affc2b91ce27 "
    "3c8c1a7792cb3387 3c736eae30af0cb3 3c74a385a63d07a7 bc8ff7128fd391f0 ",
    F64,
)
_DEXP_HIGH, _DEXP_LOW = _DEXP[:16], _DEXP[16:]
_DEXP_LOG2E, _DEXP_LN2_HIGH, _DEXP_LN2_LOW = (
    from_bits(0x3FF71547652B82FE),
    from_bits(0x3FE62E42FEFA39EF),
    from_bits(0x3C7ABC9E3B39803F),
)
_DEXP_POLY = [
    from_bits(b)
    for b in (
        0x3F57411836940C04, 0x3F81101CBBC265C0, 0x3FA55557242D68FE,
        0x3FC5555553939732, 0x3FE000000000D008, 0x3FEFFFFFFFFFFF70,
    )
]  # fmt: skip
_DEXP_RARE = from_bits(0x40861DA04CBAFE44)


def exp64(x: Array) -> Array:
    """mkl_vml_kernel_dExp_Z0HAynn: k = x log2(e) rounded down to 1/16, r = x - k ln2 in two
    FMAs, a degree-6 polynomial in FMAs, a table of 2^(j/16) with remainders, scalef;
    |x| >= 707.7 goes through vdexp_cout_rare."""
    x = np.asarray(x, F64)
    with np.errstate(all="ignore"):
        # floor(16 x log2(e)) of the exact product: only an integral 16 p can be off.
        p = x * _DEXP_LOG2E
        error = exact_product_error(x, np.full_like(x, _DEXP_LOG2E), p)
        k = np.floor(p * 16)
        k = np.where((k == p * 16) & (error < 0), k - 1, k)
        steps = np.where(np.isfinite(k), k, 0).astype(np.int64)
        j = steps & 15
        n = k / 16
        r = quick_fma(-n, np.full_like(x, _DEXP_LN2_HIGH), x)
        r = quick_fma(-n, np.full_like(x, _DEXP_LN2_LOW), r)
        c = [np.full_like(r, v) for v in _DEXP_POLY]
        p6 = quick_fma(r, c[0], c[1])
        p9 = quick_fma(r, c[2], c[3])
        p9 = quick_fma(p6, r * r, p9)
        q = quick_fma(r, c[4], c[5])
        p9 = quick_fma(p9, r * r, q)
        p9 = quick_fma(p9, r, _DEXP_LOW[j])
        p9 = quick_fma(p9, _DEXP_HIGH[j], _DEXP_HIGH[j])
        result: Array = np.ldexp(p9, (steps >> 4).astype(np.int32))
        rare = ~(np.abs(x) < _DEXP_RARE)
        if rare.any():
            result[rare] = _exp_rare(x[rare], single=False)
    return result


# _imldExpHATab: 2^(j/64) and its remainder, float64.
_EXP_RARE_TABLE = hex_words(
    "3ff0000000000000 0000000000000000 3ff02c9a3e778061 bc7160139cd8dc5d "
    "3ff059b0d3158574 3c8cd2523567f613 3ff0874518759bc8 3c60f74e61e6c861 "
    "3ff0b5586cf9890f 3c979aa65d837b6d 3ff0e3ec32d3d1a2 3c3ebe3d702f9cd1 "
    "3ff11301d0125b51 bc9556522a2fbd0e 3ff1429aaea92de0 bc91c923b9d5f416 "
    "3ff172b83c7d517b bc801b15eaa59348 3ff1a35beb6fcb75 3c8b898c3f1353bf "
    "3ff1d4873168b9aa 3c9aecf73e3a2f60 3ff2063b88628cd6 3c8a6f4144a6c38d "
    "3ff2387a6e756238 3c968efde3a8a894 3ff26b4565e27cdd 3c80472b981fe7f2 "
    "3ff29e9df51fdee1 3c82f7e16d09ab31 3ff2d285a6e4030b 3c8b3782720c0ab4 "
    "3ff306fe0a31b715 3c834d754db0abb6 3ff33c08b26416ff 3c8fdd395dd3f84a "
    "3ff371a7373aa9cb bc924aedcc4b5068 3ff3a7db34e59ff7 bc71d1e83e9436d2 "
    "3ff3dea64c123422 3c859f48a72a4c6d 3ff4160a21f72e2a bc58a78f4817895b "
    "3ff44e086061892d 3c4363ed60c2ac11 3ff486a2b5c13cd0 3c6ecce1daa10379 "
    "3ff4bfdad5362a27 3c7690cebb7aafb0 3ff4f9b2769d2ca7 bc8f94340071a38e "
    "3ff5342b569d4f82 bc78dec6bd0f385f 3ff56f4736b527da 3c93350518fdd78e "
    "3ff5ab07dd485429 3c9063e1e21c5409 3ff5e76f15ad2148 3c9432e62b64c035 "
    "3ff6247eb03a5585 bc8c33c53bef4da8 3ff6623882552225 bc93cedd78565858 "
    "3ff6a09e667f3bcd bc93b3efbf5e2228 3ff6dfb23c651a2f bc6367efb86da9ee "
    "3ff71f75e8ec5f74 bc781f647e5a3ecf 3ff75feb564267c9 bc8619321e55e68a "
    "3ff7a11473eb0187 bc7b32dcb94da51d 3ff7e2f336cf4e62 3c65ebe1abd66c55 "
    "3ff82589994cce13 bc9369b6f13b3734 3ff868d99b4492ed bc94d450d872576e "
    "3ff8ace5422aa0db 3c8db72fc1f0eab4 3ff8f1ae99157736 3c7bf68359f35f44 "
    "3ff93737b0cdc5e5 bc5da9b88b6c1e29 3ff97d829fde4e50 bc92434322f4f9aa "
    "3ff9c49182a3f090 3c71affc2b91ce27 3ffa0c667b5de565 bc87c50422622263 "
    "3ffa5503b23e255d bc91bbd1d3bcbb15 3ffa9e6b5579fdbf 3c8469846e735ab3 "
    "3ffae89f995ad3ad 3c8c1a7792cb3387 3ffb33a2b84f15fb bc55c3d956dcaeba "
    "3ffb7f76f2fb5e47 bc68d6f438ad9334 3ffbcc1e904bc1d2 3c74ffd70a5fddcd "
    "3ffc199bdd85529c 3c736eae30af0cb3 3ffc67f12e57d14b 3c84e08fd10959ac "
    "3ffcb720dcef9069 3c676b2c6c921968 3ffd072d4a07897c bc8fad5d3ffffa6f "
    "3ffd5818dcfba487 3c74a385a63d07a7 3ffda9e603db3285 3c8e5a50d5c192ac "
    "3ffdfc97337b9b5f bc82d52107b43e1f 3ffe502ee78b3ff6 3c74b604603a88d3 "
    "3ffea4afa2a490da bc8ff7128fd391f0 3ffefa1bee615a27 3c8ec3bc41aa2008 "
    "3fff50765b6e4540 3c8a64a931d185ee 3fffa7c1819e90d8 3c77893b4d91cd9d ",
    F64,
).reshape(64, 2)


def _exp_rare(x: Array, single: bool) -> Array:
    """vdexp_cout_rare (vsexp_cout_rare for float32, whose thresholds differ): the scalar
    path for large |x|, infinities and NaN, in float64 without FMAs, a table of 2^(j/64), and
    careful scaling into the subnormals."""
    if single:
        over, under, low = float(_SEXP_OVER), float(_SEXP_UNDER), float(-_SEXP_RARE)
    else:
        over, under, low = 709.78271289338397, -745.13321910194111, -708.39641853226408
    with np.errstate(all="ignore"):
        u = x * 92.332482616893657 + 6755399441055744.0
        v = u + -6755399441055744.0
        r = x + v * -0.010830424696223417
        r = r + v * -2.5728046223276691e-14
        p = r * 0.0013888870459233254 + 0.0083333419951404971
        p = (p * r + 0.041666666666770519) * r + 0.16666666666657881
        p = ((p * r + 0.5) * r) * r
        r = r + p
        word = (u.view(U64) & U64(0xFFFFFFFF)).astype(np.int64)
        index, shift = word & 63, word >> 6
        r = r + _EXP_RARE_TABLE[index, 1]
        high = _EXP_RARE_TABLE[index, 0]
        y = high * r
        # results of normal size: one scaling, or two at the top exponent
        e1 = (shift + 0x3FF) & 0x7FF
        normal = high + y
        normal = np.where(
            e1 == 0x7FF, (normal * 8.9884656743115795e307) * 2, normal * np.ldexp(1.0, e1 - 1023)
        )
        # subnormal results: scaled up by 2^60, summed in two parts, scaled back once
        e2 = (shift + 0x43B) & 0x7FF
        scale = np.ldexp(1.0, e2 - 1023)
        y2, high2 = y * scale, high * scale
        total = high2 + y2
        tail = (high2 - total) + y2
        split = total * 6442450944.0
        head = (total + split) - split
        tail = (total - head) + tail
        tiny = np.where(e2 <= 0x32, total * 2.0**-60, 2.0**-60 * head + 2.0**-60 * tail)
        result = np.where(x >= low, normal, tiny)
        result = np.where(x > over, np.inf, np.where(x < under, 0.0, result))
        result = np.where(np.isfinite(x), result, np.where(x == -np.inf, 0.0, x * x))
    return result

"""MKL's natural logarithm (vsLn and vdLn with VML_HA, the AVX-512 kernels), and VRCP14, the
reciprocal estimate they start from, as Intel's reference code computes it."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.core.programs.kernels.fused import (
    from_bits,
    from_bits32,
    hex_words,
    product_error,
    quick_fma,
)
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32, F64, U32, U64 = np.float32, np.float64, np.uint32, np.uint64

# The reference algorithm of VRCP14 (Intel's RECIP14.c): a[i] - b[i] (x - y[i]) from a table
# of 64 pairs for x in (1, 2), truncated to 17 bits. MKL rounds it to a 5-bit reciprocal.
_RCP14 = np.array(
    [
        1009, 260119, 977, 256148, 949, 252296, 921, 248558, 893, 244929, 869, 241405,
        843, 237981, 821, 234652, 797, 231416, 777, 228266, 755, 225202, 735, 222220,
        717, 219314, 699, 216485, 681, 213727, 663, 211038, 647, 208417, 631, 205859,
        617, 203364, 601, 200929, 587, 198551, 573, 196229, 561, 193960, 547, 191743,
        535, 189576, 523, 187458, 513, 185387, 501, 183360, 491, 181377, 479, 179439,
        469, 177540, 459, 175681, 451, 173860, 441, 172077, 433, 170330, 423, 168618,
        415, 166940, 407, 165295, 399, 163682, 391, 162101, 385, 160550, 377, 159027,
        369, 157535, 363, 156069, 357, 154631, 349, 153219, 343, 151832, 337, 150470,
        331, 149133, 325, 147819, 319, 146528, 315, 145260, 309, 144012, 303, 142787,
        299, 141582, 293, 140397, 289, 139232, 285, 138085, 279, 136959, 275, 135853,
        271, 134763, 267, 133689, 263, 132631, 259, 131589,
    ],
    dtype=np.int64,
)  # fmt: skip
_RCP14_B, _RCP14_A = _RCP14[0::2], _RCP14[1::2]
_RCP14_A_F, _RCP14_B_F = _RCP14_A * 65536.0, _RCP14_B * 256.0  # in float64, exactly


def _rcp14_fraction(top: Array) -> Array:
    """VRCP14 of 1.f for the 16 leading bits `top` of f (not 0): the result in (1/2, 1)
    times 2^34, an integer with its 17 leading bits kept."""
    i = top >> 10
    value = _RCP14_A[i] * 65536 - 256 * _RCP14_B[i] * (top - 512 - 1024 * i)
    result: Array = value & ~((1 << 17) - 1)
    return result


def _rcp14_32(x: Array) -> Array:
    """The bits of VRCP14PS(x) for positive finite float32 x (0 where the result would be
    subnormal, infinity for the smallest subnormals), as int64."""
    bits = x.view(U32)
    exponent = (bits >> U32(23)).astype(np.int32)
    usual = (exponent >= 1) & (exponent <= 252)
    if not usual.all():
        result = np.empty(x.shape, dtype=np.int64)
        result[usual] = _rcp14_32(x[usual])
        result[~usual] = _rcp14_32_edges(x[~usual])
        return result
    # x = 1.f 2^e: the reciprocal of 1.f (exact for f = 0), truncated, times 2^-e
    fraction = (bits & U32(0x7FFFFF)).astype(np.int32)
    i = fraction >> 17
    value = _RCP14_A_F[i] - _RCP14_B_F[i] * ((fraction >> 7) - 512 - 1024 * i)
    value = np.floor(value * 2.0**-17)
    value = np.where(fraction == 0, 2.0**17, value)
    reciprocal = np.ldexp(value, -17 - (exponent - 127)).astype(F32)
    return reciprocal.view(U32).astype(np.int64)


def _rcp14_32_edges(x: Array) -> Array:
    """_rcp14_32 for subnormal x and x whose reciprocal is subnormal."""
    bits = x.view(U32).astype(np.int64)
    exponent, fraction = bits >> 23, bits & 0x7FFFFF

    def reciprocal(f: Array) -> Array:  # 23 fraction bits of rcp14(1.f), exponent -1
        top = np.where(f == 0, 1, f) >> 7
        return np.where(f == 0, 1 << 23, (_rcp14_fraction(top) >> 10)) - (1 << 23)

    normal = exponent > 0
    powers = normal & (fraction == 0)
    biased = 0xFD - exponent
    result = np.where(powers, np.where(biased + 1 > 0, (biased + 1) << 23, 0), 0)
    result = np.where(
        normal & ~powers & (biased > 0), (biased << 23) | reciprocal(fraction), result
    )
    # subnormals: 'small' ones give infinity, others are normalised by one or two places
    small = ~normal & (fraction <= 0x200000)
    result = np.where(small, 0x7F800000, result)
    large = ~normal & ~small
    places = np.where(fraction >= 1 << 22, 1, 2)
    shifted = (np.where(large, fraction, 1) << places) & 0x7FFFFF
    biased = 0xFC + places + (shifted == 0)
    result = np.where(large, (biased << 23) | reciprocal(shifted), result)
    return result


# vsln_data_avx512: -log(1 + j/32) and its remainder (in 2^-16 steps), then log(2/(1 + j/32))
# and its remainder, float32.
_SLN = hex_words(
    "00000000 bcfc0000 bd786000 bdb78000 bdf14000 be14a800 be2ff800 be4a9000 "
    "be648000 be7dc800 be8b3c00 be974800 bea30c00 beae8c00 beb9d000 bec4d000 "
    "becf9800 beda2800 bee48000 beeea400 bef89400 bf012a00 bf05f400 bf0aa600 "
    "bf0f4200 bf13ca00 bf183e00 bf1ca000 bf20ec00 bf252800 bf295200 bf2d6a00 "
    "00000000 b726c39e 37679ff7 b7528ae5 377891d5 b725f040 b6c1c29e b73539e9 "
    "35838656 b6436af2 370d5151 36ea28f7 b63c21c6 b776fd60 37202511 b74e1b05 "
    "b70fb2fe 36084337 36038656 36afd9f2 b675faf0 b7152d2f 36d1bdad b5f4bd35 "
    "b77af382 b770944e b7399a79 3779654f b6fe8467 367449f8 3716cd22 b4186b3e "
    "3f317200 3f299200 3f21ec00 3f1a8200 3f134c00 3f0c4800 3f057400 3efd9c00 "
    "3ef0a400 3ee40000 3ed7a800 3ecb9c00 3ebfd800 3eb45800 3ea91400 3e9e1400 "
    "3e934c00 3e88bc00 3e7cc800 3e688000 3e54a000 3e412000 3e2df800 3e1b3000 "
    "3e08c000 3ded4000 3dc9a000 3da6a000 3d843000 3d44a000 3d020000 3c810000 "
    "35bfbe8e b70ecbcc 377f97c9 b73a9314 b76f7659 b70df86e b691d2fb b71d4217 "
    "3621a272 b5c71755 37254923 370d0c4d b5b884fd b75f058e 37381ce3 b7362333 "
    "b6ef7659 3668227e 3663659e 36dfc995 b6161ba9 b6fa6ab9 3700d6a8 b4d3fa9c "
    "b762fbb0 b7589c7c b721a2a7 b76ea2e0 b6ce94c4 36aa14a0 372ec4f4 35acb127 ",
    F32,
).reshape(4, 32)
_SLN_C4, _SLN_C3, _SLN_C2 = (
    from_bits32(0xBE800810),
    from_bits32(0x3EAAB11E),
    from_bits32(0xBF000000),
)
_SLN_LN2_HIGH, _SLN_LN2_LOW = from_bits32(0x3F317200), from_bits32(0x35BFBE8E)


def log32(x: Array) -> Array:
    """mkl_vml_kernel_sLn_Z0HAynn: y = VRCP14(x) rounded to 5 bits (half up), r = x y - 1 in
    an FMA, log x = log1p(r) - log(y) from tables and a degree-4 polynomial. Where y is not a
    normal positive number, the lane is computed again from getmant/getexp (y rounded to
    even), and zeros, negatives, infinities and NaN by vsln_cout_rare."""
    x = np.asarray(x, F32)
    with np.errstate(all="ignore"):
        positive = (x > 0) & np.isfinite(x)
        y_bits = (_rcp14_32(np.where(positive, x, F32(1))) + 0x20000) & 0xFFFC0000
        y_exponent = (y_bits >> 23) & 0xFF
        main = positive & (y_exponent > 0) & (y_exponent < 0xFF)
        y = np.where(main, y_bits, 0x3F800000).astype(U32).view(F32)
        j = (y_bits >> 18) & 31
        e = (y_exponent - 127).astype(F32)
        r = fma(np.where(main, x, F32(1)), y, np.full_like(y, F32(-1)))
        result = _log32_tail(r, e, _SLN[0][j], _SLN[1][j], -_SLN_LN2_HIGH, -_SLN_LN2_LOW)
        if not main.all():
            result[~main] = _log32_special(x[~main])
    return result


def _log32_tail(r: Array, e: Array, high: Array, low: Array, ln2_high: Any, ln2_low: Any) -> Array:
    """log1p(r) + e ln2 + the table's log, compensated: the last steps both paths share."""
    p = fma(r, np.full_like(r, _SLN_C4), np.full_like(r, _SLN_C3))
    p = fma(p, r, np.full_like(r, _SLN_C2))
    low = fma(e, np.full_like(r, F32(ln2_low)), low)
    poly = fma(p, r * r, low)
    head = fma(e, np.full_like(r, F32(ln2_high)), high)
    total = head + r
    tail = r - (total - head)
    result: Array = total + (poly + tail)
    return result


def _log32_special(x: Array) -> Array:
    """The getmant/getexp path of sLn, for subnormal, huge and special x."""
    with np.errstate(all="ignore"):
        special = ~((x > 0) & np.isfinite(x))
        m, exponent = np.frexp(np.where(special, F32(1), x).astype(F64))
        m = m.astype(F32)  # in [1/2, 1)
        e = (exponent - 1).astype(F32)
        fraction = m.view(U32).astype(np.int64) & 0x7FFFFF
        top = np.where(fraction == 0, 1, fraction) >> 7
        reciprocal = np.where(
            fraction == 0, 0x40000000, (0x7F << 23) | ((_rcp14_fraction(top) >> 10) - (1 << 23))
        )
        y = (np.rint(reciprocal.astype(U32).view(F32).astype(F64) * 32) / 32).astype(F32)
        j = (y.view(U32) >> 18) & 31
        d = (e - np.where(y >= 2, F32(1), F32(0))).astype(F32)
        r = fma(m, y, np.full_like(y, F32(-1)))
        result = _log32_tail(r, d, _SLN[2][j], _SLN[3][j], _SLN_LN2_HIGH, _SLN_LN2_LOW)
        value = np.where(x == 0, -np.inf, np.where(x < 0, np.nan, x)).astype(F32)
    return np.where(special, value, result)


# vdln_data_avx512: -log(m) for m = 1 + j/16 (j < 8) and 1/2 + j/32 (j >= 8) in 2^-40 steps,
# then their remainders, float64.
_DLN = hex_words(
    "0000000000000000 bfaf0a30c0120000 bfbe27076e2b0000 bfc5ff3070a78000 "
    "bfcc8ff7c79a8000 bfd1675cababc000 bfd4618bc21c4000 bfd739d7f6bbc000 "
    "3fd269621134c000 3fcf991c6cb38000 3fca93ed3c8b0000 3fc5bf406b540000 "
    "3fc1178e82280000 3fb9335e5d590000 3fb08598b59e0000 3fa0415d89e80000 "
    "0000000000000000 3d53ab33d066d1d2 3d2a342c2af0003c bd43d3c873e20a07 "
    "bd4a21ac25d81ef3 3d59f1fc63382a8f bd5ec27d0b7b37b3 bd50069ce24c53fb "
    "3d5b92783beb7677 3d59bcbecca0cdf3 bd530e486a0ac42d 3d5ed8fdc149767e "
    "bd4b8421cc74be04 3d52622b8757a8fb 3d4d034451fecdfb bd577771fd187145 ",
    F64,
).reshape(2, 16)
_DLN_POLY = [
    from_bits(b)
    for b in (
        0x3FBC81CD309D7C70, 0xBFC007357E93AF62, 0x3FC249229CEE81EF, 0xBFC55553FB28DB06,
        0x3FC9999999CC9F5C, 0xBFD00000000C05BD, 0x3FD5555555555466, 0xBFDFFFFFFFFFFFC6,
    )
]  # fmt: skip
# ln 2 in two parts of 37 and 36 bits: their products with an exponent (11 bits) are exact,
# so the kernel's FMAs with them round only the sum.
_DLN_LN2_HIGH, _DLN_LN2_LOW = from_bits(0x3FE62E42FEFA0000), from_bits(0x3D7CF79ABC9E0000)


def log64(x: Array) -> Array:
    """mkl_vml_kernel_dLn_Z0HAynn: m = getmant(x) in [1, 2), y = VRCP14(m) rounded to 5
    bits, r = m y - 1 in an FMA, a degree-9 polynomial; zeros, negatives, infinities and NaN
    through vdln_cout_rare."""
    x = np.asarray(x, F64)
    with np.errstate(all="ignore"):
        special = ~((x > 0) & np.isfinite(x))
        m, exponent = np.frexp(np.where(special, 1.0, x))
        m = m * 2
        e = (exponent - 1).astype(F64)
        top = ((m.view(U64) >> U64(36)) & U64(0xFFFF)).astype(np.int64)
        reciprocal = np.where(top == 0, 1.0, _rcp14_fraction(np.maximum(top, 1)) * 2.0**-34)
        y = np.rint(reciprocal * 32) / 32
        e = np.where(y < 0.75, e + 1, e)
        # m y - 1, the kernel's FMA: a multiple of 2^-57 below 2^-4 in size, so a float64, as
        # p - 1 is (p lies in [1/2, 2]): adding the product's error to p - 1 rounds to it.
        p = y * m
        r = (p - 1.0) + product_error(y, m, p)
        j = ((y.view(U64) >> U64(48)) & U64(15)).astype(np.intp)
        head = e * _DLN_LN2_HIGH + _DLN[0][j]  # an FMA
        total = head + r
        c = _DLN_POLY
        r2 = r * r
        p1 = quick_fma(r, np.full_like(r, c[0]), np.full_like(r, c[1]))
        p2 = quick_fma(r, np.full_like(r, c[2]), np.full_like(r, c[3]))
        p3 = quick_fma(r, np.full_like(r, c[4]), np.full_like(r, c[5]))
        p2 = quick_fma(p1, r2, p2)
        p4 = quick_fma(r, np.full_like(r, c[6]), np.full_like(r, c[7]))
        p4 = quick_fma(p3, r2, p4)
        p4 = quick_fma(r2 * r2, p2, p4)
        tail = r - (total - head)
        tail = quick_fma(r2, p4, tail)
        low = e * _DLN_LN2_LOW + _DLN[1][j]  # an FMA
        result: Array = total + (tail + low)
        value = np.where(x == 0, -np.inf, np.where(x < 0, np.nan, x))
    return np.where(special, value, result)

"""Sleef (SIMD Library for Evaluating Elementary Functions) as ATen's Vectorized<float> and
<double> call it on this CPU: the vector bodies of softplus and of a tensor's power by a number,
and float16 exp, sin and cos (vml's map over float32).

Every FMA is rounding.fma's, or fused.quick_fma's where a float64 product and sum checked first
are cheaper (the same bits); the exact error of a product is Dekker's (fused.exact_product_error).
"""

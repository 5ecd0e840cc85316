"""glibc 2.36's libm functions as the frameworks call them on this CPU, in numpy.

The CPU selects the FMA builds (the C code compiled with -mfma, where GCC fuses a product into
the addition that is its only use) of expf, logf, sinf, cosf, powf, exp, log, log1p and pow;
log1pf has none. Each function takes float32 (the f-suffixed ones) or float64 arrays and a
keyword `daz`: True for DAZ and FTZ, which TensorFlow and XLA set (arithmetic reads a subnormal
as zero and writes one as zero, while integer tests on the bits see it as it is), False for
plain IEEE arithmetic with subnormals, as PyTorch runs them.

float.py: expf, logf, sinf, cosf (sysdeps/ieee754/flt-32); exp.py: exp (dbl-64/e_exp.c);
log.py: log (dbl-64/e_log.c); log1p.py: log1pf and log1p (fdlibm's); pow.py: powf and pow.
"""

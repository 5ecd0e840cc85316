"""Intel MKL's vector math library (VML) as PyTorch calls it for float32 and float64 exp, log,
sin, cos and sqrt (at::vml, aten/src/ATen/cpu/vml.h: vsExp, vdLn, vsSin, vdSqrt ... with
VML_HA), in the AVX-512 kernels this CPU selects (mkl_vml_kernel_sExp_Z0HAynn and the like,
linked into libtorch_cpu.so). Each is ported from its disassembly: the same constants and
tables, the same order of operations, an FMA wherever the code has one, VRCP14 and VRSQRT14 as
Intel's reference code computes them.

Every FMA is rounding.fma's, or fused.quick_fma's where a float64 product and sum checked first
are cheaper (the same bits); the exact error of a product is Dekker's (fused.exact_product_error).
"""

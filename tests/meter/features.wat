;; Decoder coverage for tests/meter/run.sh: opcodes and immediates the guest
;; does not use today but the pass accepts (SIMD with lane and memarg
;; immediates, threads, tail calls, table and segment operations, typed
;; select, ref.null).  Checked by validating the metered module and by
;; comparing opcode counts before and after: a misjudged immediate length
;; would change them.
(module
  (type $i2i (func (param i32) (result i32)))
  (memory 1 1 shared)
  (table $t 4 funcref)
  (elem $e func $id $id)
  (elem declare func $tail)
  (data $d "hello")
  (func $id (param i32) (result i32) local.get 0)

  (func (export "simd") (param i32) (result i32)
    (v128.store offset=32 align=8 (i32.const 0)
      (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
        (v128.const i32x4 1 2 3 4)
        (v128.load offset=16 (i32.const 0))))
    (v128.store64_lane 1 (i32.const 64) (v128.load32_zero (i32.const 8)))
    (i32.add
      (i32x4.extract_lane 2
        (i32x4.add (v128.load8_lane 3 (i32.const 0) (v128.const i64x2 0 0))
                   (i32x4.splat (local.get 0))))
      (i32.add (i8x16.extract_lane_u 15 (i8x16.popcnt (v128.load8_splat (i32.const 3))))
               (i32.wrap_i64 (i64x2.extract_lane 1 (i64x2.extend_high_i32x4_u
                   (f32x4.demote_f64x2_zero (v128.load64_splat (i32.const 0)))))))))

  (func (export "atomics") (param i32) (result i32)
    (drop (i32.atomic.rmw.add (i32.const 0) (local.get 0)))
    atomic.fence
    (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))
    (i64.atomic.store offset=8 (i32.const 0) (i64.const 7))
    (i32.add (i32.atomic.load8_u (i32.const 1))
             (i32.wrap_i64 (i64.atomic.rmw.cmpxchg (i32.const 8) (i64.const 7) (i64.const 9)))))

  (func $tail (export "tail") (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then (return (i32.const 0))))
    (return_call $id (local.get 0)))

  (func (export "tail_indirect") (param i32) (result i32)
    (return_call_indirect $t (type $i2i) (local.get 0) (i32.const 0)))

  (func (export "tables") (param i32) (result i32)
    (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 2))
    (elem.drop $e)
    (table.copy $t $t (i32.const 2) (i32.const 0) (i32.const 2))
    (table.fill $t (i32.const 3) (ref.func $tail) (i32.const 1))
    (drop (table.grow $t (ref.null func) (i32.const 1)))
    (memory.init $d (i32.const 100) (i32.const 0) (i32.const 5))
    (data.drop $d)
    (select (result i32)
      (table.size $t)
      (i32.trunc_sat_f32_u (f32.const 1e20))
      (ref.is_null (table.get $t (local.get 0)))))
)

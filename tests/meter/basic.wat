;; Test module for the metering pass (tests/meter/run.sh).  Every export
;; has type (i32) -> i32 so that the harness can drive them all the same
;; way.  It exercises what the pass must get right: an existing import
;; (indices below the new one stay, the rest shift), the start function,
;; an active element segment, a passive one with expressions, ref.func in
;; a global initialiser and in code, call_indirect, nested loops, br_table
;; dispatch, early return, branches out of blocks, if/else with both arms
;; ending in branches, multi-value blocks, bulk memory and table
;; operations, and the sign-ext / saturating / typed-select opcodes.
(module
  (import "env" "add1" (func $add1 (param i32) (result i32)))
  (type $i2i (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (table $t 4 funcref)
  (table $t2 8 funcref)
  (elem (table $t) (i32.const 0) func $sq $fib $add1 $dbl)
  (elem $pe funcref (ref.func $dbl) (ref.func $sq))
  (data (i32.const 100) "\01\02\01\01\02\03\00")
  (global $started (mut i32) (i32.const 0))
  (global $fref funcref (ref.func $dbl))
  (start $init)

  (func $init (global.set $started (i32.const 42)))
  (func (export "started") (param i32) (result i32) (global.get $started))

  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $dbl (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))

  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; n iterations of a counted loop: 0 + 1 + ... + n-1
  (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
    block $done
      loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        br $top
      end
    end
    local.get $s)

  (func (export "spin") (param i32) (result i32)
    (loop $l (br $l))
    i32.const 0)

  ;; Recursion without any loop: only the entry checks can stop it.
  (func $rec (export "rec") (param i32) (result i32)
    (call $rec (i32.add (local.get 0) (i32.const 1))))

  ;; A bytecode interpreter shaped like the ones compilers emit for a
  ;; switch in a loop: one br_table, each case ending in a branch.
  (func (export "interp") (param $n i32) (result i32)
    (local $pc i32) (local $acc i32) (local $cnt i32)
    (local.set $cnt (local.get $n))
    block $halt
      loop $dispatch
        block $op3
          block $op2
            block $op1
              block $op0
                (i32.load8_u offset=100 (local.get $pc))
                br_table $op0 $op1 $op2 $op3 $op0
              end
              br $halt
            end
            (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
            br $dispatch
          end
          (local.set $acc (i32.and (i32.mul (local.get $acc) (i32.const 3)) (i32.const 0xffff)))
          (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
          br $dispatch
        end
        (local.set $cnt (i32.sub (local.get $cnt) (i32.const 1)))
        (if (i32.gt_s (local.get $cnt) (i32.const 0))
          (then (local.set $pc (i32.const 0)))
          (else (local.set $pc (i32.add (local.get $pc) (i32.const 1)))))
        br $dispatch
      end
    end
    local.get $acc)

  ;; Nested loops left by an early return from inside an if.
  (func (export "find") (param $n i32) (result i32) (local $i i32) (local $j i32)
    (local.set $i (i32.const 2))
    block $odone
      loop $outer
        (br_if $odone (i32.gt_u (local.get $i) (local.get $n)))
        (local.set $j (i32.const 2))
        block $idone
          loop $inner
            (br_if $idone (i32.gt_u (local.get $j) (local.get $n)))
            (if (i32.eq (i32.mul (local.get $i) (local.get $j)) (local.get $n))
              (then (return (i32.add (i32.mul (local.get $i) (i32.const 1000))
                                     (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            br $inner
          end
        end
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        br $outer
      end
    end
    i32.const -1)

  ;; Blocks left through their end only, through an outer label, and an if
  ;; whose two arms both branch away.
  (func (export "escape") (param $x i32) (result i32) (local $r i32)
    block $out
      block $a
        (br_if $out (i32.eq (local.get $x) (i32.const 1)))
        (local.set $r (i32.const 10))
      end
      (local.set $r (i32.add (local.get $r) (i32.const 5)))
      block $b
        (br_if $b (i32.eq (local.get $x) (i32.const 2)))
        (local.set $r (i32.add (local.get $r) (i32.const 100)))
      end
      (local.set $r (i32.add (local.get $r) (i32.const 1000)))
      block $c
        (if (i32.and (local.get $x) (i32.const 4))
          (then (br $c))
          (else (br $out)))
      end
      (local.set $r (i32.mul (local.get $r) (i32.const 2)))
      (if (i32.eq (local.get $x) (i32.const 100)) (then unreachable))
      (local.set $r (i32.add (local.get $r) (i32.const 3)))
    end
    local.get $r)

  ;; Multi-value: a block and an if with parameters and two results.
  (func (export "mv") (param $x i32) (result i32)
    (local.get $x)
    (i32.const 3)
    (block $b (param i32 i32) (result i32 i32)
      (br_if $b (i32.eqz (local.get $x)))
      drop
      drop
      (i32.const 7)
      (local.get $x))
    i32.sub
    (if (param i32) (result i32) (i32.gt_s (local.get $x) (i32.const 5))
      (then (i32.const 1) (i32.add))
      (else (i32.const 2) (i32.mul))))

  (func (export "indirect") (param $x i32) (result i32)
    (table.set $t (i32.const 3) (ref.func $sq))
    (i32.add
      (call_indirect $t (type $i2i) (local.get $x) (i32.const 1))
      (i32.add (call_indirect $t (type $i2i) (local.get $x) (i32.const 2))
               (call_indirect $t (type $i2i) (local.get $x) (i32.const 3)))))

  (func (export "indirect2") (param $x i32) (result i32)
    (table.set $t (i32.const 3) (global.get $fref))
    (call_indirect $t (type $i2i) (local.get $x) (i32.const 3)))

  (func (export "tinit") (param $n i32) (result i32)
    (table.init $t2 $pe (i32.const 0) (i32.const 0) (local.get $n))
    (if (result i32) (i32.eq (local.get $n) (i32.const 2))
      (then (call_indirect $t2 (type $i2i) (i32.const 5) (i32.const 1)))
      (else (i32.const -1))))

  (func (export "fill") (param $len i32) (result i32)
    (memory.fill (i32.const 0) (i32.const 7) (local.get $len))
    (i32.load8_u (i32.const 0)))

  (func (export "copy") (param $len i32) (result i32)
    (memory.copy (i32.const 1000) (i32.const 100) (local.get $len))
    (i32.load8_u (i32.const 1001)))

  (func (export "misc") (param $x i32) (result i32)
    (i32.add
      (i32.add
        (i32.extend8_s (local.get $x))
        (i32.trunc_sat_f64_s (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 1e10))))
      (select (result i32) (i32.const 1) (i32.const 2) (local.get $x))))

  ;; Calls an import, so a call below the new import's index that must not
  ;; move.
  (func (export "imp") (param $x i32) (result i32)
    (call $add1 (call $add1 (local.get $x))))
)

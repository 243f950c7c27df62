// Two setters that assign each other forever (caught stack overflows restart them).
// expect: ETIMEOUT
// config: time=300
const o = {
  set a(v) { try { this.b = v + 1; } catch (e) { this.b = 0; } },
  set b(v) { try { this.a = v + 1; } catch (e) { this.a = 0; } },
};
o.a = 0;

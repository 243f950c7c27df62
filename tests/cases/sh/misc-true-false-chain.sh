true && true && echo all
true && false && echo never || echo fallback
false || false || echo last

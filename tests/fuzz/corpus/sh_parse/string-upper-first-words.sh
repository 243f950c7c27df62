for w in hello big world; do printf '%s ' "${w^}"; done; echo
s="MiXeD"; echo "${s,,}" "${s^^}" "${s~~}" 2>/dev/null || echo tilde-unsupported

printf '6869\n' | xxd -r -p; echo

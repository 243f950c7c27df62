awk 'BEGIN{a["x"]=1; a["y"]=2; print a["x"]+a["y"], ("x" in a), ("z" in a)}'

seq 5 > f; split -l 2 f; cat xaa; echo --; cat xac

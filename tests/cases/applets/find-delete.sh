mkdir d; touch d/a.tmp d/b; find d -name '*.tmp' -delete; ls d

mkdir d; touch d/a1 d/b2; find d -regex '.*a[0-9]'

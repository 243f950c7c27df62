mkdir d; printf '%02000d' 0 > d/big; touch d/small; find d -type f -size +1k

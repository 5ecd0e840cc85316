"""The mathematics of practice: the item response model, calibration, the choice of the next
item and the review schedule; plain Python, numpy and scipy, nothing of the web or the
database."""

"""The Qt front end: thin pages over the pure rules core."""

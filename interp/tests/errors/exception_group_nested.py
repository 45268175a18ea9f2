raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [TypeError("b")])])

print("steptrace")

print("normtui")

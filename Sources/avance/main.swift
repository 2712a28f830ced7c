print("avance")

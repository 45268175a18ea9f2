class Config:
    size = 10
    area = size * sise

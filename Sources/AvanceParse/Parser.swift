import AvanceCore

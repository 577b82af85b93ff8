"""python -m powx_llm.cli"""

from powx_llm.cli import main

main()

"""A Flask math API in the shape of the one Flotilla's math service replaces: the anchor of
bench/run.sh. Served by gunicorn with 3 sync workers, as that API was deployed:

    gunicorn --workers 3 --bind 127.0.0.1:8092 --chdir bench/flask app:app
"""

import logging
import time
from functools import wraps

from flask import Flask, jsonify, request

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("math")

app = Flask(__name__)


def timeit(function):
    @wraps(function)
    def timed(*args):
        start = time.time()
        result = function(*args)
        log.debug("%r  %2.2f ms", function.__name__, (time.time() - start) * 1000)
        return result

    return timed


@timeit
def factorial_algo(n):
    if n < 0:
        raise ValueError("Negative Integer")
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


@app.route("/")
@app.route("/ping")
def ping():
    return jsonify(message="pong")


@app.route("/factorial")
def factorial():
    n = request.args.get("n")
    if n is None:
        return jsonify(algo="factorial", result="Bad input", status="failed"), 400
    try:
        return jsonify(algo="factorial", result=factorial_algo(int(n)), status="success"), 200
    except ValueError as e:
        return jsonify(algo="factorial", result=str(e), status="failed"), 400
